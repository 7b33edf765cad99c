package e2e

import (
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/harness"
	"github.com/lee-engine/lee/tools/hasim"
)

// TestMalformedEvents sends events no Alexa would send to one process:
// where a directive header can be read the answer is INVALID_DIRECTIVE,
// otherwise a Lambda error with a clear message; Home Assistant is never
// called, and after each the same process still relays a TurnOn.
func TestMalformedEvents(t *testing.T) {
	t.Parallel()
	turnOn := sample(t, "PowerController.TurnOn")
	tests := malformedCases(t, turnOn)
	sim := startSim(t, hasim.Settings{})
	rt := startFunction(t, "HA_URL="+sim.URL())
	pid := rt.PID()
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := invoke(t, rt, tc.event)
			if tc.invalid {
				wantError(t, tc.event, res, nsAlexa, invalidDir)
			} else {
				wantFunctionError(t, res.Error, res.Payload)
			}
			if got := smartHomeRequests(sim); got != i {
				t.Errorf("Home Assistant received %d requests, want %d (only the TurnOns)", got, i)
			}
			if rt.PID() != pid || !rt.Alive() {
				t.Fatalf("the function process %d is gone", pid)
			}
			wantAnswer(t, turnOn, payload(t, invoke(t, rt, turnOn)), "Alexa", "Response")
		})
	}
}

// malformedCase is an event no Alexa would send.
type malformedCase struct {
	name  string
	event []byte
	// invalid: INVALID_DIRECTIVE expected; otherwise a Lambda error.
	invalid bool
}

// malformedCases derives the malformed events from a good TurnOn.
func malformedCases(t *testing.T, turnOn []byte) []malformedCase {
	header := func(key string, v any) []byte {
		return edit(t, turnOn, func(d map[string]any) { object(d, "header")[key] = v })
	}
	member := func(key string, v any) []byte {
		return edit(t, turnOn, func(d map[string]any) { d[key] = v })
	}
	deep := strings.Repeat("[", 2000) + strings.Repeat("]", 2000)
	return []malformedCase{
		{name: "empty object", event: []byte(`{}`)},
		{name: "directive without header", event: []byte(`{"directive":{}}`)},
		{name: "header is a string", event: []byte(`{"directive":{"header":"x"}}`)},
		{name: "directive is a string", event: []byte(`{"directive":"x"}`)},
		{name: "array", event: []byte(`[]`)},
		{name: "null", event: []byte(`null`)},
		{name: "number", event: []byte(`42`)},
		{name: "not JSON", event: []byte(`{"directive":`)},
		{name: "2000-deep array", event: []byte(deep)},
		{name: "300 KiB object", event: []byte(`{"pad":"` + strings.Repeat("x", 300<<10) + `"}`)},
		{name: "payloadVersion 2", event: header("payloadVersion", "2"), invalid: true},
		{name: "payloadVersion is a number", event: header("payloadVersion", 3), invalid: true},
		{name: "namespace is a number", event: header("namespace", 1), invalid: true},
		{name: "name is an array", event: header("name", []any{"TurnOn"}), invalid: true},
		{name: "payload is a string", event: member("payload", "x"), invalid: true},
		{name: "endpoint is a string", event: member("endpoint", "x"), invalid: true},
		{name: "300 KiB directive", event: edit(t, turnOn, func(d map[string]any) {
			object(d, "payload")["pad"] = strings.Repeat("x", 300<<10)
		}), invalid: true},
		{name: "2000-deep payload", event: edit(t, turnOn, func(d map[string]any) {
			object(d, "payload")["deep"] = nested(2000)
		}), invalid: true},
	}
}

// nested is an array nested depth levels deep: [[[...]]].
func nested(depth int) any {
	v := []any{}
	for range depth - 1 {
		v = []any{v}
	}
	return v
}

// wantFunctionError checks an invocation ended in a Lambda error whose
// message says what was wrong with the event.
func wantFunctionError(t *testing.T, fe *harness.FunctionError, body []byte) {
	t.Helper()
	if fe == nil {
		t.Fatalf("answer %s, want a Lambda error", body)
	}
	msg := fe.Error()
	if !hasAny(msg, "event", "directive") {
		t.Errorf("the error %q does not say what is wrong with the event", msg)
	}
	if leaked := leakedSecrets([]byte(msg)); len(leaked) > 0 {
		t.Errorf("the error shows the secrets %q", leaked)
	}
}
