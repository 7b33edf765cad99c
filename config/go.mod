module github.com/lee-engine/lee/config

go 1.26

require (
	github.com/aws/aws-sdk-go-v2 v1.48.0
	go.uber.org/goleak v1.3.0
	pgregory.net/rapid v1.3.0
)

require (
	github.com/aws/smithy-go v1.28.9 // indirect
	github.com/stretchr/testify v1.8.4 // indirect
)
