package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lee-engine/lee/gateway"
)

// TestRelaySamples: every sample directive of Amazon's (each namespace,
// Discovery, AcceptGrant and ReportState included) reaches Home Assistant
// unchanged at /api/alexa/smart_home with its own token, and Home
// Assistant's answer comes back byte for byte.
func TestRelaySamples(t *testing.T) {
	requests, err := filepath.Glob(filepath.Join(alexaData, "sample_messages", "*", "*.request.json"))
	if err != nil || len(requests) < 10 {
		t.Fatalf("Alexa sample directives missing under %s (found %d): %v", alexaData, len(requests), err)
	}
	requests = append(requests, filepath.Join(alexaData, "sample_messages", "StateReport", "ReportState.json"))
	for _, path := range requests {
		t.Run(filepath.Base(path), func(t *testing.T) {
			event, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("read sample: %v", err)
			}
			answer := sampleAnswer(t, path)
			ha := startHA(t, respond(http.StatusOK, "application/json", answer))
			f := newFixture(t, baseConfig(ha.URL()))

			got := f.mustInvoke(t, event)

			if !bytes.Equal(got, answer) {
				t.Errorf("answer differs from Home Assistant's:\n got %s\nwant %s", got, answer)
			}
			reqs := ha.requests()
			if len(reqs) != 1 {
				t.Fatalf("Home Assistant received %d requests; want exactly 1", len(reqs))
			}
			r := reqs[0]
			if r.method != http.MethodPost || r.path != gateway.SmartHomePath || r.auth != "Bearer "+sampleToken || !bytes.Equal(r.body, event) {
				t.Errorf("Home Assistant received %s %s (Authorization %q, %d bytes); want POST %s with the sample's token and the directive unchanged",
					r.method, r.path, r.auth, len(r.body), gateway.SmartHomePath)
			}
			if r.secretHeader != headerSecret {
				t.Errorf("HA_HEADERS header %q; want the configured value", r.secretHeader)
			}
		})
	}
}

// sampleAnswer is the sample answer beside the directive at path, or a
// plain Alexa Response when Amazon gives none.
func sampleAnswer(tb testing.TB, path string) []byte {
	tb.Helper()
	if resp := strings.TrimSuffix(path, ".request.json") + ".response.json"; resp != path {
		if b, err := os.ReadFile(resp); err == nil {
			return b
		}
	}
	return alexaFile(tb, turnOnResponse)
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
		{"ErrorResponse from Home Assistant", alexaFile(t, turnOnRequest), "application/json", alexaFile(t, haErrorResponse)},
		{"ErrorResponse labelled text/plain", alexaFile(t, turnOnRequest), "text/plain", alexaFile(t, haErrorResponse)},
		{"AcceptGrant response", alexaFile(t, grantRequest), "application/json", alexaFile(t, grantResponse)},
		{"3 MB Discovery", alexaFile(t, discoveryRequest), "application/json", largeDiscovery(t, 3<<20)},
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
// sample's endpoints repeated under new ids, as a large home has them.
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
	if err := json.Unmarshal(alexaFile(tb, discoveryResponse), &sample); err != nil || len(sample.Event.Payload.Endpoints) == 0 {
		tb.Fatalf("Discovery sample has no endpoints: %v", err)
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
