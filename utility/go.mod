module github.com/lee-engine/lee/utility

go 1.26
