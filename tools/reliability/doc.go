// Package reliability is LEE's proof that the function stays correct under
// every failure of Home Assistant and of the path to it, answers Alexa before
// the invocation's deadline, keeps running, does not leak memory, file
// descriptors or goroutines, and never shows a secret.
//
// The package holds tests only. They build the real bootstrap once, as `make
// bootstrap` does, run it as a separate process under tools/harness (a
// loopback Lambda Runtime API) and point it at tools/hasim (a Home Assistant
// simulator on 127.0.0.1) with injected faults, tools/fakedns,
// tools/fakessm and the certificates of tools/testpki. The test of
// overlapping invocations builds a second bootstrap, with -race, and runs it
// as Lambda Managed Instances do (AWS_LAMBDA_MAX_CONCURRENCY). The gateway's
// concurrency and goroutine hygiene are tested in-process. Amazon's Smart
// Home schema (shared/alexa beside the repository) judges every answer.
// docs/RELIABILITY.md at the repository root describes what is tested, how
// to rerun it, and the figures of a real run.
package reliability
