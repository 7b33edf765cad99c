// Package rie runs a Lambda bootstrap under AWS's Runtime Interface Emulator
// (aws-lambda-rie), the second, independent implementation of the Lambda
// Runtime API that LEE's end-to-end tests check the function against: what
// passes under both tools/harness and the emulator is unlikely to depend on a
// quirk of either.
//
// The emulator always listens on loopback here (both its invoke endpoint and
// the Runtime API it gives the function), its own logs are kept to warnings,
// and the function sees only the environment the caller passes plus PATH,
// HOME, TMPDIR and the Lambda variables. The emulator does not enforce
// Lambda's 6 MB response limit, and the Init Duration and Max Memory Used it
// prints are not measurements; use tools/harness for those.
//
// Install the emulator with
//
//	go install github.com/aws/aws-lambda-runtime-interface-emulator/cmd/aws-lambda-rie@v0.0.0-20261030222936-bef5c4ba774d
//
// Emulator source: https://github.com/aws/aws-lambda-runtime-interface-emulator
package rie
