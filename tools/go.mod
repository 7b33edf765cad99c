module github.com/lee-engine/lee/tools

go 1.26

require (
	github.com/aws/aws-lambda-go v1.55.1 // indirect
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3 // indirect
	go.uber.org/goleak v1.3.0 // indirect
	go.yaml.in/yaml/v3 v3.0.6 // indirect
	golang.org/x/text v0.14.0 // indirect
	pgregory.net/rapid v1.3.0 // indirect
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
