module github.com/lee-engine/lee/singleton

go 1.26
