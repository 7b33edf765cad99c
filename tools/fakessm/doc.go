// Package fakessm is a stand-in for AWS Systems Manager Parameter Store on
// 127.0.0.1, speaking the JSON 1.1 protocol of its GetParameter action
// (POST /, X-Amz-Target: AmazonSSM.GetParameter, Content-Type
// application/x-amz-json-1.1) well enough for the AWS SDK for Go v2 pointed at
// it with a custom endpoint.
//
// Parameters are served as SecureString. Errors come back as SSM sends them,
// HTTP 400 with {"__type": ..., "message": ...}: ParameterNotFound for an
// unknown name, and AccessDeniedException or ThrottlingException when the
// server is told to fail. Every request is counted and recorded (never with
// its credentials) so tests can assert what the client sent, such as
// WithDecryption. See
// https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameter.html.
package fakessm
