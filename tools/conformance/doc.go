// Package conformance is Amazon's Alexa conformance suite of the modules
// outside tools: it holds lambdaiface, security and the built function to
// Amazon's own sample messages and Smart Home message schema (JSON Schema
// draft-04), through their public APIs and, for the function, the real
// bootstrap run under tools/harness.
//
// Amazon's data is a checkout of github.com/alexa-samples/alexa-smarthome,
// never copied into the repository, found by alexatest (LEE_ALEXA_DATA,
// else ../shared/alexa beside the repository). Without it every test that
// needs it skips with alexatest's one line, and the suite still checks the
// ErrorResponses lambdaiface builds for the project's fixtures against the
// project's own rules (internal/alexa.CheckAnswer).
//
// What it shows, with the data: every sample directive decodes as Smart
// Home with its token at the place its namespace keeps it and its header
// and endpoint kept; every other sample is an Alexa message that
// round-trips through lambdaiface.Response and validates before and after;
// the ErrorResponse lambdaiface builds for every directive (the fixtures,
// partial and oversized ones, Amazon's samples, generated ones) and every
// error type validates; security.ValidateEvent accepts every sample; the
// function relays every sample directive to Home Assistant unchanged with
// the directive's token and passes Amazon's sample answer back byte for
// byte; and when Home Assistant fails, the function's own ErrorResponse to
// every sample directive validates and keeps the directive's
// correlationToken and endpoint. The package has no non-test code.
package conformance
