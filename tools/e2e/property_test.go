package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/lee-engine/lee/tools/hasim"
	"github.com/lee-engine/lee/tools/internal/alexa"
	"github.com/lee-engine/lee/tools/internal/alexatest"
	"pgregory.net/rapid"
)

// TestRandomDirectives sends directives mutated at random (header members
// missing or of any JSON type, payload and endpoint replaced, scope gone) to
// one process. Whatever arrives, the process survives and its answer is one
// of: a Lambda error without a call to Home Assistant, Home Assistant's own
// answer byte for byte, or an ErrorResponse of the function's making that is
// valid (the project's rules, and Amazon's schema when at hand) and keeps the
// correlationToken. A request
// is never sent to Home Assistant twice.
func TestRandomDirectives(t *testing.T) {
	t.Parallel()
	base := sample(t, "PowerController.TurnOn")
	schema := alexatest.OptionalSchema(t)
	sim := startSim(t, hasim.Settings{})
	rec := startRecorder(t, sim.URL())
	fn := startFunction(t, "HA_URL="+rec.URL())
	pid := fn.PID()
	rapid.Check(t, func(t *rapid.T) {
		event := mutateDirective(t, base)
		before := smartHomeRequests(sim)
		ctx, cancel := context.WithTimeout(context.Background(), invokeTimeout)
		defer cancel()
		res, err := fn.Invoke(ctx, event)
		if err != nil {
			t.Fatalf("no answer to %s: %v", event, err)
		}
		if fn.PID() != pid || !fn.Alive() {
			t.Fatalf("the process died on %s", event)
		}
		calls := smartHomeRequests(sim) - before
		switch {
		case calls > 1:
			t.Fatalf("Home Assistant received %s %d times", event, calls)
		case res.Error != nil:
			if calls != 0 || res.Error.Message == "" {
				t.Fatalf("Lambda error %v after %d calls to Home Assistant for %s", res.Error, calls, event)
			}
			return
		case calls == 1 && bytes.Equal(res.Payload, rec.last(smartHomePath)):
			return
		}
		if err := alexa.CheckShape(res.Payload); err != nil {
			t.Fatalf("the function's answer to %s is not valid: %v\n%s", event, err, res.Payload)
		}
		if schema != nil {
			if err := schema.Validate(res.Payload); err != nil {
				t.Fatalf("the function's answer to %s is not valid against Amazon's schema: %v\n%s", event, err, res.Payload)
			}
		}
		var ev struct {
			Event message `json:"event"`
		}
		if err := json.Unmarshal(res.Payload, &ev); err != nil || ev.Event.Header.Name != "ErrorResponse" {
			t.Fatalf("the function's own answer to %s is not an ErrorResponse: %s", event, res.Payload)
		}
		if leaked := leakedSecrets(res.Payload); len(leaked) > 0 {
			t.Fatalf("the ErrorResponse shows %q: %s", leaked, res.Payload)
		}
		want := requestIDs(event)
		if want.correlationToken != "" && ev.Event.Header.CorrelationToken != want.correlationToken {
			t.Fatalf("correlationToken %q, want %q", ev.Event.Header.CorrelationToken, want.correlationToken)
		}
		switch {
		case want.acceptGrant && ev.Event.endpointID() != "":
			t.Fatalf("an AcceptGrant error carries endpointId %q; Alexa's has no endpoint: %s", ev.Event.endpointID(), res.Payload)
		case !want.acceptGrant && want.endpointID != "" && ev.Event.endpointID() != want.endpointID:
			t.Fatalf("endpointId %q, want the directive's %q: %s", ev.Event.endpointID(), want.endpointID, res.Payload)
		}
	})
}

// ids are the members of a directive its ErrorResponse must echo. An
// AcceptGrant's answer echoes no endpoint, whatever the directive held.
type ids struct {
	correlationToken, endpointID string
	acceptGrant                  bool
}

// requestIDs reads the directive's correlationToken and endpointId, where
// they are strings, and whether it is an AcceptGrant.
func requestIDs(event []byte) ids {
	var env struct {
		Directive struct {
			Header   map[string]any `json:"header"`
			Endpoint any            `json:"endpoint"`
		} `json:"directive"`
	}
	if json.Unmarshal(event, &env) != nil {
		return ids{}
	}
	var out ids
	out.correlationToken, _ = env.Directive.Header["correlationToken"].(string)
	out.acceptGrant = env.Directive.Header["namespace"] == "Alexa.Authorization" && env.Directive.Header["name"] == "AcceptGrant"
	if ep, ok := env.Directive.Endpoint.(map[string]any); ok {
		out.endpointID, _ = ep["endpointId"].(string)
	}
	return out
}

// mutateDirective changes base at random. Endpoint ids and correlation
// tokens keep their well-formed values or disappear: Alexa never sends
// others, and the function echoes them as they are.
func mutateDirective(t *rapid.T, base []byte) []byte {
	var ev map[string]any
	if err := json.Unmarshal(base, &ev); err != nil {
		t.Fatal(err)
	}
	d := ev["directive"].(map[string]any)
	h := d["header"].(map[string]any)
	for _, key := range []string{"namespace", "name", "payloadVersion", "messageId"} {
		switch rapid.IntRange(0, 3).Draw(t, key) {
		case 1:
			delete(h, key)
		case 2:
			h[key] = jsonValue(t, key+" value", 2)
		case 3:
			h[key] = rapid.SampledFrom([]string{"", "3", "2", "Alexa", "Alexa.Discovery", "Discover", "Alexa.Authorization", "AcceptGrant", "ReportState"}).Draw(t, key+" word")
		}
	}
	if rapid.Bool().Draw(t, "drop correlationToken") {
		delete(h, "correlationToken")
	}
	for _, key := range []string{"payload", "endpoint"} {
		switch rapid.IntRange(0, 3).Draw(t, key) {
		case 1:
			delete(d, key)
		case 2:
			d[key] = jsonValue(t, key+" value", 3)
		case 3:
			if m, ok := d[key].(map[string]any); ok {
				delete(m, "scope")
			}
		}
	}
	if rapid.IntRange(0, 9).Draw(t, "replace header") == 0 {
		d["header"] = jsonValue(t, "header value", 2)
	}
	b, err := json.Marshal(ev)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// jsonValue draws any JSON value nested at most depth levels.
func jsonValue(t *rapid.T, label string, depth int) any {
	kinds := 4
	if depth > 0 {
		kinds = 6
	}
	switch rapid.IntRange(0, kinds-1).Draw(t, label+" kind") {
	case 0:
		return nil
	case 1:
		return rapid.Bool().Draw(t, label+" bool")
	case 2:
		return rapid.Float64Range(-1e6, 1e6).Draw(t, label+" number")
	case 3:
		return rapid.String().Draw(t, label+" string")
	case 4:
		n := rapid.IntRange(0, 3).Draw(t, label+" len")
		out := make([]any, n)
		for i := range out {
			out[i] = jsonValue(t, label+" item", depth-1)
		}
		return out
	}
	n := rapid.IntRange(0, 3).Draw(t, label+" len")
	out := make(map[string]any, n)
	for range n {
		out[rapid.StringN(1, 12, -1).Draw(t, label+" key")] = jsonValue(t, label+" member", depth-1)
	}
	return out
}
