// Package demo runs LEE's main job on one machine: it starts the Home
// Assistant simulator's demo home on 127.0.0.1, runs the real bootstrap
// binary under the loopback Lambda Runtime API of tools/harness with HA_URL
// pointing at the simulator, sends a Discovery, a TurnOn of the kitchen light
// and a ReportState, and prints every answer with the verdict of Amazon's
// Smart Home message schema, followed by the function's own log lines. It is
// what `lee demo` (and so `make demo`) runs.
//
// The directives are Amazon's samples from shared/alexa/sample_messages,
// pointed at the demo home's endpoints, when that folder is beside the
// repository; otherwise small built-in copies are used and the schema check
// is skipped with a note, so the demo also works on a bare clone.
//
// BuildBootstrap, Schema, LoadSchema and SchemaFile are exported because the
// end-to-end and reliability tests build and check the function the same
// way; they are thin names for harness.BuildBootstrap and the schema of
// tools/internal/alexa, where the code lives.
package demo
