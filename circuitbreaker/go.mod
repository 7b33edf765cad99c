module github.com/lee-engine/lee/circuitbreaker

go 1.26
