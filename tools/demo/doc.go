// Package demo runs LEE's main job on one machine: it starts the Home
// Assistant simulator's demo home on 127.0.0.1, runs the real bootstrap
// binary under the loopback Lambda Runtime API of tools/harness with HA_URL
// pointing at the simulator, sends a Discovery, a TurnOn of the kitchen light
// and a ReportState, and prints every answer with its verdict, followed by
// the function's own log lines. It is what `lee demo` (and so `make demo`)
// runs.
//
// Every answer is checked by the project's own rules (alexa.CheckAnswer: the
// shape of each kind of Alexa event, the directive's correlationToken and
// endpoint kept). Where Amazon's Alexa data is at hand (a checkout of
// github.com/alexa-samples/alexa-smarthome at LEE_ALEXA_DATA, else
// ../shared/alexa beside the repository, found as the tests find it), the
// directives are Amazon's samples pointed at the demo home's endpoints and
// every answer is also validated against Amazon's Smart Home message
// schema; otherwise the demo's own directives are sent, and the report's
// first lines say that the data is absent and how to supply it.
//
// BuildBootstrap, Schema, LoadSchema and SchemaFile are exported because the
// end-to-end and reliability tests build and check the function the same
// way; they are thin names for harness.BuildBootstrap and the schema of
// tools/internal/alexa, where the code lives.
package demo
