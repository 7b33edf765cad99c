module github.com/lee-engine/lee/tools

go 1.26

require (
	github.com/aws/aws-lambda-go v1.55.1
	github.com/lee-engine/lee/config v0.2.0
	github.com/lee-engine/lee/gateway v0.2.0
	github.com/lee-engine/lee/lambdaiface v0.2.1
	github.com/lee-engine/lee/logging v0.2.0
	github.com/lee-engine/lee/metrics v0.1.0
	github.com/lee-engine/lee/security v0.2.1
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	go.uber.org/goleak v1.3.0
	go.yaml.in/yaml/v3 v3.0.6
	golang.org/x/mod v0.40.0
	pgregory.net/rapid v1.3.0
)

require (
	github.com/aws/aws-sdk-go-v2 v1.48.0 // indirect
	github.com/aws/smithy-go v1.28.9 // indirect
	github.com/lee-engine/lee/cache v0.1.1 // indirect
	github.com/lee-engine/lee/circuitbreaker v0.2.0 // indirect
	github.com/lee-engine/lee/httpclient v0.2.1 // indirect
	github.com/lee-engine/lee/initialization v0.1.0 // indirect
	github.com/lee-engine/lee/singleton v0.2.0 // indirect
	github.com/lee-engine/lee/utility v0.2.0 // indirect
	github.com/patrickmn/go-cache v2.1.0+incompatible // indirect
	github.com/sony/gobreaker/v2 v2.4.0 // indirect
	golang.org/x/text v0.14.0 // indirect
)

replace github.com/lee-engine/lee/cache => ../cache

replace github.com/lee-engine/lee/logging => ../logging

replace github.com/lee-engine/lee/security => ../security

replace github.com/lee-engine/lee/metrics => ../metrics

replace github.com/lee-engine/lee/singleton => ../singleton

replace github.com/lee-engine/lee/httpclient => ../httpclient

replace github.com/lee-engine/lee/utility => ../utility

replace github.com/lee-engine/lee/initialization => ../initialization

replace github.com/lee-engine/lee/lambdaiface => ../lambdaiface

replace github.com/lee-engine/lee/circuitbreaker => ../circuitbreaker

replace github.com/lee-engine/lee/config => ../config

replace github.com/lee-engine/lee/gateway => ../gateway
