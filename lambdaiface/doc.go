// Package lambdaiface defines the events LEE's Lambda function receives and
// the answers it sends: Alexa Smart Home v3 directives and responses, Alexa
// Skills Kit custom-skill requests and responses, Lambda function URL
// requests (payload format 2.0) and EventBridge scheduled warm-up events. It
// tells these apart from the raw event with one shallow decode (Classify),
// decodes and checks a Smart Home directive (DecodeDirective), finds the
// user's bearer token in it (Directive.Token), recognises an Alexa message
// in Home Assistant's answer without decoding its payload (IsAlexaMessage),
// and builds schema-valid Alexa ErrorResponses (NewErrorResponse). It uses
// the standard library only.
//
// The token rule: a directive's bearer token is taken from
// directive.endpoint.scope, else directive.payload.scope (Discovery), else
// directive.payload.grantee (AcceptGrant); only scopes of type
// "BearerToken" or "BearerTokenWithPartition" with a non-empty token count.
//
// Tokens are secrets. Errors never quote the request body, the types that
// hold a token print and log it as "[redacted]" (fmt and log/slog), and an
// ErrorResponse keeps the directive's endpoint without its scope.
//
// Alexa message formats: https://developer.amazon.com/en-US/docs/alexa/device-apis/message-guide.html
// Lambda function URL events: https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html
package lambdaiface
