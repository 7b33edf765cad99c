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
// concurrency and goroutine hygiene are tested in-process. The directives
// are the project's own fixtures (tools/internal/alexatest); every answer
// is judged by the project's shape rules and, where Amazon's Alexa data is
// at hand (LEE_ALEXA_DATA, else ../shared/alexa beside the repository), by
// Amazon's Smart Home schema too.
// docs/RELIABILITY.md at the repository root describes what is tested, how
// to rerun it, and the figures of a real run.
package reliability
