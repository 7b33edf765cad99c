// Package e2e holds LEE's end-to-end tests: the function is built once with
// the flags of `make bootstrap` (or taken from $LEE_BOOTSTRAP) and run as a
// separate process under the loopback Lambda Runtime API of tools/harness,
// against the Home Assistant simulator (tools/hasim) on 127.0.0.1, with
// faults injected per request. One test repeats a relay under AWS's own
// Runtime Interface Emulator (tools/rie).
//
// The tests check what Alexa and the operator see: every directive of the
// project's fixtures (and of Amazon's samples, when its Alexa data is at
// hand) is relayed and Home Assistant's answer comes back byte for byte;
// every row of the error table (docs/ARCHITECTURE.md) produces its
// ErrorResponse, valid by the project's rules and, when at hand, Amazon's
// schema; custom-skill, function URL, warm-up and malformed events get their
// answers while the process keeps serving; a bad configuration stops the
// function at init with one line naming the variable; each invocation writes
// one EMF line and JSON logs with its request id and messageId; and no token
// or header secret ever shows in the function's output. The package has no
// non-test code.
package e2e
