module github.com/lee-engine/lee/security

go 1.26

require pgregory.net/rapid v1.3.0
