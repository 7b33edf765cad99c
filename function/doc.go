// Command bootstrap is LEE's AWS Lambda function: the AWS Lambda function that relays Alexa to Home Assistant.
//
// It is built with -tags lambda.norpc for the provided.al2023 runtime; see
// https://docs.aws.amazon.com/lambda/latest/dg/lambda-golang.html.
package main
