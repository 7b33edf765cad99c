// Package lambdaiface defines the events LEE's Lambda function receives and
// the answers it sends: Alexa Smart Home v3 directives and responses, Alexa
// Skills Kit custom-skill requests and responses, Lambda function URL
// requests (payload format 2.0) and EventBridge scheduled warm-up events. It
// tells these apart from the raw event by its top-level members alone
// (Classify), decodes and checks a Smart Home directive (DecodeDirective),
// finds the user's bearer token in it (Directive.Token), recognises an Alexa
// message in Home Assistant's answer without decoding its payload
// (IsAlexaMessage), and builds schema-valid Alexa ErrorResponses
// (NewErrorResponse). It uses the standard library only.
//
// These four run on every relayed directive, so they read JSON with a small
// member scanner after json.Valid instead of decoding it: classifying an
// event and checking an answer allocate nothing, decoding a device
// directive allocates four objects. Whatever the scanner cannot be sure to
// read exactly as encoding/json would (a repeated member, a member name with
// an escape or a non-ASCII letter, a member of the wrong type) goes through
// encoding/json, so the results and errors are encoding/json's.
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
