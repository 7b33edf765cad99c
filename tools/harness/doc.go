// Package harness runs a Lambda bootstrap binary as a separate process behind
// a loopback implementation of the Lambda Runtime API (version 2018-06-01), so
// LEE's real function can be exercised, measured and debugged exactly as AWS
// would run it, without AWS: the harness hands out events on
// GET /runtime/invocation/next with the request id, deadline, function ARN and
// trace id headers, and collects what the process posts to
// /runtime/invocation/{id}/response, /runtime/invocation/{id}/error and
// /runtime/init/error.
//
// The process sees only the environment the caller gives it plus the variables
// Lambda sets (AWS_LAMBDA_RUNTIME_API, AWS_LAMBDA_FUNCTION_NAME, AWS_REGION,
// _HANDLER, …) and PATH, HOME and TMPDIR, so tests control its configuration.
// Besides invoking, a Runtime reports the process id, its captured stdout and
// stderr, start-up timings, resident memory from /proc and its open file
// descriptors, which the benchmarks use. Every wait is bounded by a context or
// an invocation deadline, and Close always ends the process. Invocations go
// one at a time, as in an on-demand execution environment, or, with
// Settings.MaxConcurrency, several at once as in Lambda Managed Instances.
//
// BuildBootstrap builds the function module for either of Lambda's two
// architectures; it is the one definition of that build, which `make
// bootstrap` (through `lee build`), the benchmarks, the demo and the
// end-to-end tests share; BuildBootstrapRace is the same build with the race
// detector. BuildFloor builds the
// performance floor (tools/floor), the smallest possible relay, the same way.
// The process plumbing (process group, output capture, SIGTERM then SIGKILL)
// is tools/internal/proc, shared with tools/rie.
//
// The Runtime API reference: https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html
package harness
