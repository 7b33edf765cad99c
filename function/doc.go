// Command bootstrap is LEE's AWS Lambda function: it relays each Alexa Smart
// Home directive unchanged to Home Assistant's Alexa API and returns Home
// Assistant's answer byte for byte, and when Home Assistant cannot answer in
// time (down, slow, wrong token, not configured, a proxy's page in the way) it
// answers Alexa with a schema-valid ErrorResponse that keeps the directive's
// correlationToken and endpoint and says what to fix. It also relays Alexa
// custom-skill requests, answers GET /healthz on a function URL and scheduled
// warm-up events, and refuses anything else with a clear error.
//
// Every capability it uses is reached through the gateway module: the
// configuration read from the environment at init, the time budget and the
// circuit breaker around Home Assistant, structured JSON logs without
// secrets, and one Embedded Metric Format line per invocation.
//
// It is built with -tags lambda.norpc for the provided.al2023 runtime; see
// https://docs.aws.amazon.com/lambda/latest/dg/lambda-golang.html.
package main
