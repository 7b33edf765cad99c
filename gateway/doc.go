// Package gateway is LEE's single gateway: the only way the Lambda function
// reaches the eleven interface modules (cache, logging, security, metrics,
// singleton, httpclient, utility, initialization, lambdaiface,
// circuitbreaker, config).
//
// It declares, per interface, the small Go interface of what it uses (Cache,
// Logger, EventChecker, Recorder, HTTPClient, Tracker, Breaker,
// ParameterStore), satisfied by that module's core; Options.Cores can hand
// in another. Each core lives in a singleton.Slot: nothing is constructed at
// package init or by New, each core is built once on first use, timed, and
// a failed construction is tried again by the next call. LEE_PRELOAD names
// cores to build at init. utility and lambdaiface hold no state and are
// reached through plain functions.
//
// The dispatch Table is the production path of every invocation: Invoke
// starts the invocation's state in its context (request id, correlation id,
// secrets to redact, the log-line budget, the invocation's metrics), checks
// the event against the security rules, decodes it once
// (lambdaiface.Decode), and calls the row that serves it, indexed by event
// kind and, for Smart Home directives, by the namespaces with rules of
// their own. Token chooses the bearer token for every kind of event, in one
// place; CallHomeAssistant posts to Home Assistant inside the circuit
// breaker. Stats reports what was built and how long it took.
//
// Type aliases (Directive, Response, VarError, ...) and thin wrappers carry
// what the function needs, so that it imports this package alone.
//
// The function runs on AWS Lambda's provided.al2023 runtime; see
// https://docs.aws.amazon.com/lambda/latest/dg/lambda-golang.html.
package gateway
