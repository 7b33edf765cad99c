package gateway

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
)

func TestNewTableRefusals(t *testing.T) {
	ok := func(context.Context, *Request) ([]byte, error) { return nil, nil }
	tests := []struct {
		name string
		rows []Row
	}{
		{"no handler", []Row{{Name: "a", Kind: KindWarmup}}},
		{"no name", []Row{{Kind: KindWarmup, Handle: ok}}},
		{"unknown kind", []Row{{Name: "a", Kind: 200, Handle: ok}}},
		{"namespace on a warm-up row", []Row{{Name: "a", Kind: KindWarmup, Namespace: "Alexa.X", Handle: ok}}},
		{"two rows for one kind", []Row{{Name: "a", Kind: KindHTTP, Handle: ok}, {Name: "b", Kind: KindHTTP, Handle: ok}}},
		{"two rows for one namespace", []Row{
			{Name: "a", Kind: KindSmartHome, Namespace: "Alexa.X", Handle: ok},
			{Name: "b", Kind: KindSmartHome, Namespace: "Alexa.X", Handle: ok}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tbl, err := NewTable(tt.rows...); err == nil || tbl != nil {
				t.Fatalf("NewTable = %v, %v; want a refusal", tbl, err)
			}
		})
	}
}

// TestInvokeRoutes sends one event of each kind and namespace through the
// table and checks which row served it.
func TestInvokeRoutes(t *testing.T) {
	ha := startFakeHA(t, http.StatusOK, turnOnAnswer)
	g, _ := newTestGateway(t, testConfig(ha.URL))
	tbl := relayTable(t, g)
	tests := []struct {
		name, event, want string
	}{
		{"warm-up", `{"source":"aws.events","detail-type":"Scheduled Event"}`, `{"row":"warm-up"}`},
		{"function URL", `{"version":"2.0","rawPath":"/healthz","requestContext":{"http":{"method":"GET","path":"/healthz"}}}`, `{"row":"healthz"}`},
		{"device directive", turnOnDirective, turnOnAnswer},
		{"discovery", discoveryDirective, turnOnAnswer},
		{"accept grant", acceptGrantDirective, turnOnAnswer},
		{"custom skill", `{"version":"1.0","context":{"System":{"user":{"accessToken":"` + directiveToken + `"}}},"request":{"type":"LaunchRequest","requestId":"r-1"}}`, turnOnAnswer},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := g.Invoke(context.Background(), tbl, []byte(tt.event))
			if err != nil || string(out) != tt.want {
				t.Fatalf("Invoke = %s, %v; want %s", out, err, tt.want)
			}
		})
	}
	calls := map[string]uint64{}
	for _, r := range tbl.Routes() {
		calls[r.Name] = r.Calls
	}
	for _, name := range []string{"warm-up", "healthz", "relay", "discovery", "accept-grant", "custom-skill"} {
		if calls[name] != 1 {
			t.Errorf("row %s served %d events, want 1 (%v)", name, calls[name], calls)
		}
	}
	reqs := ha.received()
	if len(reqs) != 4 {
		t.Fatalf("Home Assistant received %d requests, want 4", len(reqs))
	}
	for i, r := range reqs {
		if r.auth != "Bearer "+directiveToken {
			t.Errorf("request %d: Authorization %q; each row must find the token where its events carry it", i, r.auth)
		}
	}
	if reqs[3].path != CustomSkillPath || reqs[0].path != SmartHomePath {
		t.Errorf("paths %q, %q", reqs[0].path, reqs[3].path)
	}
}

// TestNewRowIsReached adds a namespace with rules of its own, as the README
// shows: one row and one handler, and its directives reach that handler
// while every other namespace keeps the default relay.
func TestNewRowIsReached(t *testing.T) {
	g, _ := newTestGateway(t, testConfig(localURL))
	var reached []string
	handle := func(name string) Handler {
		return func(_ context.Context, req *Request) ([]byte, error) {
			reached = append(reached, name+" "+req.Directive.Header.Namespace)
			return []byte(`{}`), nil
		}
	}
	tbl, err := NewTable(
		Row{Name: "relay", Kind: KindSmartHome, Token: TokenEndpointScope, Handle: handle("relay")},
		Row{Name: "scenes", Kind: KindSmartHome, Namespace: "Alexa.SceneController", Token: TokenEndpointScope, Handle: handle("scenes")},
	)
	if err != nil {
		t.Fatal(err)
	}
	scene := strings.Replace(turnOnDirective, "Alexa.PowerController", "Alexa.SceneController", 1)
	for _, event := range []string{scene, turnOnDirective} {
		if _, err := g.Invoke(context.Background(), tbl, []byte(event)); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"scenes Alexa.SceneController", "relay Alexa.PowerController"}
	if strings.Join(reached, ",") != strings.Join(want, ",") {
		t.Fatalf("reached %v, want %v", reached, want)
	}
}

// TestInvokeRefusals checks the events that only a Lambda error can
// answer, and the refused directive a row still answers.
func TestInvokeRefusals(t *testing.T) {
	g, out := newTestGateway(t, testConfig(localURL))
	tbl := relayTable(t, g)
	big := `{"directive":{"header":{"namespace":"Alexa.PowerController","name":"TurnOn","payloadVersion":"3",` +
		`"messageId":"m","correlationToken":"c"},"payload":{"pad":"` + strings.Repeat("x", 300<<10) + `"}}}`
	tests := []struct {
		name, event, wantErr, wantOut string
	}{
		{"not JSON", `hello`, "not a JSON object", ""},
		{"an array", `[{"directive":{}}]`, "not a JSON object", ""},
		{"truncated", `{"directive":`, "not a JSON object", ""},
		{"directive without a header", `{"directive":{"payload":{}}}`, "directive.header", ""},
		{"header not an object", `{"directive":{"header":"h"}}`, "directive.header", ""},
		{"unrecognised", `{"hello":"world"}`, "unrecognised event", ""},
		{"refused non-directive", `{"warmup":true,"pad":"` + strings.Repeat("x", 300<<10) + `"}`, "event refused", ""},
		{"directive of payloadVersion 2", strings.Replace(turnOnDirective, `"payloadVersion":"3"`, `"payloadVersion":"2"`, 1), "", `{"refused":"relay"}`},
		{"oversized directive", big, "", `{"refused":"relay"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := g.Invoke(context.Background(), tbl, []byte(tt.event))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || res != nil {
					t.Fatalf("Invoke = %s, %v; want a Lambda error naming %q", res, err, tt.wantErr)
				}
				return
			}
			if err != nil || string(res) != tt.wantOut {
				t.Fatalf("Invoke = %s, %v; want %s", res, err, tt.wantOut)
			}
		})
	}
	if !strings.Contains(out.String(), `"msg":"event refused"`) {
		t.Error("refusals were not logged")
	}
}

// TestInvokeRecoversPanics: a panicking handler becomes a Lambda error and
// the next invocation is served.
func TestInvokeRecoversPanics(t *testing.T) {
	g, out := newTestGateway(t, testConfig(localURL))
	calls := 0
	tbl, err := NewTable(Row{Name: "warm-up", Kind: KindWarmup, Handle: func(context.Context, *Request) ([]byte, error) {
		calls++
		if calls == 1 {
			panic("handler bug")
		}
		return []byte(`{}`), nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := g.Invoke(context.Background(), tbl, []byte(`{"warmup":true}`))
	if err == nil || res != nil || strings.Contains(err.Error(), "handler bug") {
		t.Fatalf("Invoke = %s, %v; want a Lambda error that does not quote the panic", res, err)
	}
	if !strings.Contains(out.String(), "invocation panicked") {
		t.Error("the panic was not logged")
	}
	if res, err := g.Invoke(context.Background(), tbl, []byte(`{"warmup":true}`)); err != nil || string(res) != `{}` {
		t.Fatalf("after a panic: %s, %v", res, err)
	}
}

// TestRouteAllocatesNothing guards the dispatch: finding the row of an
// event costs no allocation.
func TestRouteAllocatesNothing(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector changes allocation counts; run without -race")
	}
	g, _ := newTestGateway(t, testConfig(localURL))
	tbl := relayTable(t, g)
	in, err := decodeForTest(discoveryDirective)
	if err != nil {
		t.Fatal(err)
	}
	if n := testing.AllocsPerRun(100, func() {
		if tbl.route(in).Name != "discovery" {
			panic("wrong row")
		}
	}); n != 0 {
		t.Errorf("route allocates %v times, want 0", n)
	}
}

func decodeForTest(event string) (*Input, error) {
	req, err := (&Gateway{cfg: testConfig(localURL)}).read([]byte(event))
	if err != nil {
		return nil, err
	}
	if req.Err != nil {
		return nil, errors.Join(errors.New("refused"), req.Err)
	}
	return req.Input, nil
}
