module github.com/lee-engine/lee/security

go 1.26
