module github.com/lee-engine/lee/logging

go 1.26
