// Package singleton is LEE's singleton module: a process-wide, typed
// registry of values built once on first use (HTTP clients, parsed
// configuration, token sources), plus the memory helpers a Lambda function
// needs to stay inside its sandbox: the sandbox size from
// AWS_LAMBDA_FUNCTION_MEMORY_SIZE, a soft memory limit for the Go runtime,
// and a memory report that includes the resident set size Lambda bills for.
//
// Get differs from sync.OnceValue in two ways that matter on a Lambda cold
// start: a build that fails is retried by the next caller instead of being
// remembered forever, and asking for a name with the wrong type returns an
// error instead of panicking.
package singleton
