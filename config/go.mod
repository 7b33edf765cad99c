module github.com/lee-engine/lee/config

go 1.26
