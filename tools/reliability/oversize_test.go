package reliability

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/lee-engine/lee/gateway"
	"github.com/lee-engine/lee/tools/harness"
	"github.com/lee-engine/lee/tools/hasim"
	"github.com/lee-engine/lee/tools/internal/alexatest"
)

// Bounds of TestOversizeEvent.
const (
	// maxErrorAnswer is what lambdaiface's echo bounds promise for any
	// ErrorResponse, whatever the directive.
	maxErrorAnswer = 64 << 10
	// oversizeHWMKB bounds the function's peak resident memory (VmHWM, in
	// kB) after the oversize events: three quarters of a 128 MB sandbox.
	// Reading four 6 MB events (aws-lambda-go's buffer grows by doubling)
	// and the garbage collector's pacing take it to 38-53 MB; a process
	// that decodes such an event whole and echoes it passes 128 MB.
	oversizeHWMKB = 96 << 10
)

// oversizeCase is a hostile directive of TestOversizeEvent.
type oversizeCase struct {
	name  string
	event []byte
	// keepToken: the answer keeps the directive's correlationToken (it is
	// left out when it is the oversize part).
	keepToken bool
}

// TestOversizeEvent sends directives as large as Lambda lets an event be
// (6 MiB), their bulk in the cookie, the correlationToken or the payload,
// all of '<' (six bytes each once JSON-escaped), and one within the size
// limit but refused for its payloadVersion with a 200 KiB cookie. Each is
// answered INVALID_DIRECTIVE, schema-valid and under 64 KiB, without a
// request to Home Assistant; the same process then relays a good
// directive, and its peak RSS stays under three quarters of a 128 MB
// sandbox.
func TestOversizeEvent(t *testing.T) {
	sim := startSim(t, hasim.Settings{}, "")
	rt := startFunction(t, "HA_URL="+sim.URL())
	pid := rt.PID()
	good := sample(t, turnOn)
	for _, c := range oversizeCases(t, good) {
		t.Run(c.name, func(t *testing.T) {
			a := invoke(t, rt, c.event, defaultBudget)
			a.inTime(t)
			checkOversizeAnswer(t, good, a.payload, c.keepToken)
		})
	}
	if n := smartHomeCalls(sim); n != 0 {
		t.Errorf("the refused directives brought %d requests to Home Assistant, want none", n)
	}
	checkGood(t, turnOn, good, invoke(t, rt, good, defaultBudget).payload)
	if !rt.Alive() || rt.PID() != pid {
		t.Fatalf("the function process %d did not survive (alive %v, pid now %d)", pid, rt.Alive(), rt.PID())
	}
	rss, hwm, err := rt.ProcStatus()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("after the oversize events: VmRSS %d kB, VmHWM %d kB", rss, hwm)
	if hwm > oversizeHWMKB {
		t.Errorf("peak RSS %d kB, want at most %d kB", hwm, oversizeHWMKB)
	}
}

// oversizeCases builds the hostile directives from the TurnOn sample.
func oversizeCases(t *testing.T, turnOnEvent []byte) []oversizeCase {
	t.Helper()
	const pad = "LEE-PAD"
	big := func(edit func(d map[string]any)) []byte {
		return fill(t, editEvent(t, turnOnEvent, edit), pad, harness.MaxPayload)
	}
	small := editEvent(t, turnOnEvent, func(d map[string]any) {
		d["header"].(map[string]any)["payloadVersion"] = "2"
		d["endpoint"].(map[string]any)["cookie"] = map[string]any{"padding": pad}
	})
	return []oversizeCase{
		{name: "6 MiB cookie", keepToken: true, event: big(func(d map[string]any) {
			d["endpoint"].(map[string]any)["cookie"] = map[string]any{"padding": pad}
		})},
		{name: "6 MiB correlationToken", event: big(func(d map[string]any) {
			d["header"].(map[string]any)["correlationToken"] = pad
		})},
		{name: "6 MiB payload", keepToken: true, event: big(func(d map[string]any) {
			d["payload"].(map[string]any)["padding"] = pad
		})},
		{name: "payloadVersion 2 with a 200 KiB cookie", keepToken: true, event: fill(t, small, pad, len(small)+200<<10)},
	}
}

// editEvent applies edit to the directive object of event.
func editEvent(t *testing.T, event []byte, edit func(d map[string]any)) []byte {
	t.Helper()
	var env map[string]map[string]any
	if err := json.Unmarshal(event, &env); err != nil {
		t.Fatal(err)
	}
	edit(env["directive"])
	b, err := json.Marshal(env)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// fill replaces pad in event by as many '<' as make it size bytes.
func fill(t *testing.T, event []byte, pad string, size int) []byte {
	t.Helper()
	out := bytes.Replace(event, []byte(pad), []byte(strings.Repeat("<", size-len(event)+len(pad))), 1)
	if len(out) != size {
		t.Fatalf("filled event is %d bytes, want %d", len(out), size)
	}
	return out
}

// checkOversizeAnswer asserts that got answers the oversize directive
// made from directive with INVALID_DIRECTIVE, schema-valid, under
// maxErrorAnswer, keeping its endpointId (and its correlationToken when
// keepToken), and shows no secret.
func checkOversizeAnswer(t *testing.T, directive, got []byte, keepToken bool) {
	t.Helper()
	if len(got) >= maxErrorAnswer {
		t.Fatalf("answer of %d bytes, want under %d", len(got), maxErrorAnswer)
	}
	// The answer's own shape only: it may leave out a correlationToken too
	// long to repeat, which CheckAnswer would hold against it.
	if err := alexatest.Check(t, got); err != nil {
		t.Errorf("answer is not valid: %v\nanswer: %.400s", err, got)
	}
	checkNoSecrets(t, "the ErrorResponse", got)
	e := decodeEvent(t, got).Event
	if e.Header.Name != "ErrorResponse" || e.Payload.Type != string(gateway.InvalidDirective) || e.Payload.Message == "" {
		t.Errorf("answer is %s %s %q, want an INVALID_DIRECTIVE ErrorResponse saying why", e.Header.Name, e.Payload.Type, e.Payload.Message)
	}
	d := decodeDirective(t, directive)
	if kept := e.Header.CorrelationToken == d.Header.CorrelationToken; kept != keepToken {
		t.Errorf("correlationToken %.40q kept: %v, want %v", e.Header.CorrelationToken, kept, keepToken)
	}
	if e.Endpoint == nil || e.Endpoint.EndpointID != d.Endpoint.EndpointID {
		t.Errorf("endpoint %+v, want the directive's endpointId %q", e.Endpoint, d.Endpoint.EndpointID)
	}
}
