module github.com/lee-engine/lee/security

go 1.26

require (
	github.com/lee-engine/lee/utility v0.2.0
	pgregory.net/rapid v1.3.0
)

replace github.com/lee-engine/lee/utility => ../utility
