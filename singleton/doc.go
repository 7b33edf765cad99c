// Package singleton is LEE's singleton module: Slot, which holds one
// process-lifetime instance built on its first use (the gateway keeps every
// interface's core in one), plus the memory helpers a Lambda function needs
// to stay inside its sandbox: the sandbox size from
// AWS_LAMBDA_FUNCTION_MEMORY_SIZE and a soft memory limit for the Go
// runtime.
//
// A Slot differs from sync.OnceValue where it matters on a Lambda cold
// start: a build that fails is retried by the next caller instead of being
// remembered forever, and the build is timed for diagnostics.
package singleton
