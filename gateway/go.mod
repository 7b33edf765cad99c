module github.com/lee-engine/lee/gateway

go 1.26
