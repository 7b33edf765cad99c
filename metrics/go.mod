module github.com/lee-engine/lee/metrics

go 1.26
