module github.com/lee-engine/lee/function

go 1.26
