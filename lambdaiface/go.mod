module github.com/lee-engine/lee/lambdaiface

go 1.26

require (
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	pgregory.net/rapid v1.3.0
)

require github.com/aws/aws-lambda-go v1.55.1

require github.com/stretchr/testify v1.8.4 // indirect

require (
	github.com/lee-engine/lee/utility v0.2.0
	golang.org/x/text v0.14.0 // indirect
)

replace github.com/lee-engine/lee/utility => ../utility
