module github.com/lee-engine/lee/lambdaiface

go 1.26

require pgregory.net/rapid v1.3.0

require github.com/aws/aws-lambda-go v1.55.1

require github.com/stretchr/testify v1.8.4 // indirect

require github.com/lee-engine/lee/utility v0.2.0

replace github.com/lee-engine/lee/utility => ../utility
