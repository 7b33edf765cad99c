module github.com/lee-engine/lee/cache

go 1.26
