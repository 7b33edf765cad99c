module github.com/lee-engine/lee/utility

go 1.26

require pgregory.net/rapid v1.3.0
