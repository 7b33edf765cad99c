// Package gateway is LEE's single universal gateway: the only way the Lambda
// function reaches the eleven interface modules (cache, logging, security,
// metrics, singleton, httpclient, utility, initialization, lambdaiface,
// circuitbreaker, config). It builds each module's core lazily, exactly once,
// on first use; routes any (Interface, Operation) pair through Execute, looking
// first in a dense fast-path table that allocates nothing, then at generic
// routes, then at the interface's fallback; offers typed convenience methods
// (CacheGet, LogInfo, RecordMetric, ValidateRequest, CallHomeAssistant, ...)
// for code that knows its types; composes the modules where a call needs
// several of them (a request to Home Assistant runs inside the home_assistant
// circuit breaker and records its metrics); and reports what it built and how
// it was used through Stats.
//
// Nothing is constructed at package init or by New. Load reads the
// environment (see the configuration table of DESIGN.md) and constructs the
// interfaces LEE_PRELOAD names, so that a warm start pays nothing on its
// first directive. A construction that fails returns its error to the caller
// and is tried again by the next call, unlike sync.OnceValue, which would keep
// the failure for the life of the process.
//
// Routes lists every routable pair with the module function it reaches; the
// table in README.md is checked against it by a test. Type aliases (Directive,
// Response, HTTPRequest, VarError, ...) and thin wrappers (Classify,
// DecodeDirective, ...) carry what the function needs, so that it imports
// this package alone.
//
// The function runs on AWS Lambda's provided.al2023 runtime; see
// https://docs.aws.amazon.com/lambda/latest/dg/lambda-golang.html.
package gateway
