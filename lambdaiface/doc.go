// Package lambdaiface defines the events LEE's Lambda function receives and
// the answers it sends: Alexa Smart Home v3 directives and responses, Alexa
// Skills Kit custom-skill requests and responses, Lambda function URL
// requests (payload format 2.0) and EventBridge scheduled warm-up events.
// Decode reads an event once, with encoding/json, and tells its kind from
// its top-level members; Input.Token finds the user's bearer token at the
// place the caller names; IsAlexaMessage recognises an Alexa message in
// Home Assistant's answer without building its payload; NewErrorResponse
// builds schema-valid Alexa ErrorResponses whose echoes are bounded.
//
// Tokens are secrets. Errors never quote the request body, the types that
// hold a token print and log it as "[redacted]" (fmt and log/slog), and an
// ErrorResponse keeps the directive's endpoint without its scope.
//
// Alexa message formats: https://developer.amazon.com/en-US/docs/alexa/device-apis/message-guide.html
// Lambda function URL events: https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html
package lambdaiface
