module github.com/lee-engine/lee/initialization

go 1.26
