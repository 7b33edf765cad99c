package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lee-engine/lee/gateway"
)

// relayCase is a directive and the answer Home Assistant gives it.
type relayCase struct {
	name              string
	directive, answer []byte
}

// TestRelayFixtures: every directive of the project's fixtures (one per
// interface the relay handles: PowerController, BrightnessController,
// ColorController, LockController, SceneController, ThermostatController,
// Discovery, ReportState, AcceptGrant) reaches Home Assistant unchanged at
// /api/alexa/smart_home with its own token, and Home Assistant's answer
// comes back byte for byte. (tools/conformance relays Amazon's sample
// directives through the built function.)
func TestRelayFixtures(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(fixturesDir, "*.directive.json"))
	if err != nil || len(paths) < 11 {
		t.Fatalf("project directives under %s: %d found, want 11: %v", fixturesDir, len(paths), err)
	}
	var cases []relayCase
	for _, p := range paths {
		name := filepath.Base(p)
		answer := strings.TrimSuffix(name, ".directive.json") + ".answer.json"
		cases = append(cases, relayCase{name, fixtureFile(t, name), fixtureFile(t, answer)})
	}
	checkRelayed(t, cases)
}

// checkRelayed relays each case's directive to a Home Assistant stand-in
// that answers with the case's answer, and checks what it received (the
// fixture token) and what came back.
func checkRelayed(t *testing.T, cases []relayCase) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ha := startHA(t, respond(http.StatusOK, "application/json", c.answer))
			f := newFixture(t, baseConfig(ha.URL()))

			got := f.mustInvoke(t, c.directive)

			if !bytes.Equal(got, c.answer) {
				t.Errorf("answer differs from Home Assistant's:\n got %s\nwant %s", got, c.answer)
			}
			reqs := ha.requests()
			if len(reqs) != 1 {
				t.Fatalf("Home Assistant received %d requests; want exactly 1", len(reqs))
			}
			r := reqs[0]
			if r.method != http.MethodPost || r.path != gateway.SmartHomePath || r.auth != "Bearer "+fixtureToken || !bytes.Equal(r.body, c.directive) {
				t.Errorf("Home Assistant received %s %s (Authorization %q, %d bytes); want POST %s with the directive's token and the directive unchanged",
					r.method, r.path, r.auth, len(r.body), gateway.SmartHomePath)
			}
			if r.secretHeader != headerSecret {
				t.Errorf("HA_HEADERS header %q; want the configured value", r.secretHeader)
			}
		})
	}
}

// TestRelayPassesThrough: whatever Alexa message Home Assistant answers
// with HTTP 200, ErrorResponses and multi-MB Discovery answers included,
// is returned unchanged, and no error metric is counted for it.
func TestRelayPassesThrough(t *testing.T) {
	tests := []struct {
		name        string
		event       []byte
		contentType string
		answer      []byte
	}{
		{"ErrorResponse from Home Assistant", fixtureFile(t, turnOnRequest), "application/json", fixtureFile(t, haErrorResponse)},
		{"ErrorResponse labelled text/plain", fixtureFile(t, turnOnRequest), "text/plain", fixtureFile(t, haErrorResponse)},
		{"AcceptGrant response", fixtureFile(t, grantRequest), "application/json", fixtureFile(t, grantResponse)},
		{"3 MB Discovery", fixtureFile(t, discoveryRequest), "application/json", largeDiscovery(t, 3<<20)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ha := startHA(t, respond(http.StatusOK, tc.contentType, tc.answer))
			f := newFixture(t, baseConfig(ha.URL()))

			got := f.mustInvoke(t, tc.event)

			if !bytes.Equal(got, tc.answer) {
				t.Errorf("answer of %d bytes differs from Home Assistant's %d bytes", len(got), len(tc.answer))
			}
			emf := emfLines(outputLines(t, f.out.take()))
			if len(emf) != 1 {
				t.Fatalf("%d EMF lines; want 1", len(emf))
			}
			for _, name := range []string{gateway.MetricBridgeUnreachable, gateway.MetricInternalError,
				gateway.MetricInvalidAuthorization, gateway.MetricInvalidDirective, gateway.MetricAcceptGrantFailed} {
				if v, ok := emf[0][name]; ok {
					t.Errorf("EMF line counts %s=%v for an answer passed through", name, v)
				}
			}
			if emf[0][gateway.MetricDirectives] != 1.0 || emf[0][gateway.MetricHALatency] == nil {
				t.Errorf("EMF line %v; want Directives=1 and an HALatency value", emf[0])
			}
		})
	}
}

// largeDiscovery is a Discovery answer of at least size bytes: the
// fixture's endpoints repeated under new ids, as a large home has them.
func largeDiscovery(tb testing.TB, size int) []byte {
	tb.Helper()
	var sample struct {
		Event struct {
			Header  json.RawMessage `json:"header"`
			Payload struct {
				Endpoints []map[string]any `json:"endpoints"`
			} `json:"payload"`
		} `json:"event"`
	}
	if err := json.Unmarshal(fixtureFile(tb, discoveryResponse), &sample); err != nil || len(sample.Event.Payload.Endpoints) == 0 {
		tb.Fatalf("Discovery fixture has no endpoints: %v", err)
	}
	var body bytes.Buffer
	body.WriteString(`{"event":{"header":`)
	body.Write(sample.Event.Header)
	body.WriteString(`,"payload":{"endpoints":[`)
	for i := 0; body.Len() < size; i++ {
		ep := sample.Event.Payload.Endpoints[i%len(sample.Event.Payload.Endpoints)]
		ep["endpointId"] = fmt.Sprintf("light-%06d", i)
		b, err := json.Marshal(ep)
		if err != nil {
			tb.Fatal(err)
		}
		if i > 0 {
			body.WriteByte(',')
		}
		body.Write(b)
	}
	body.WriteString(`]}}}`)
	if !gateway.IsAlexaMessage(body.Bytes()) {
		tb.Fatal("the large Discovery answer built for the test is not an Alexa message")
	}
	return body.Bytes()
}
