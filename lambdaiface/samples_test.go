package lambdaiface_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/lee-engine/lee/lambdaiface"
)

// TestSampleDirectives checks every directive sample: it decodes,
// classifies as smart home, yields its token from the expected place and
// encodes back to the same JSON.
func TestSampleDirectives(t *testing.T) {
	var count int
	for _, s := range loadSamples(t) {
		isRequest := strings.HasSuffix(s.name, ".request.json")
		if !s.isDirective() {
			if isRequest {
				t.Errorf("%s: named as a request but holds no directive", s.name)
			}
			continue
		}
		count++
		t.Run(s.name, func(t *testing.T) {
			d, err := lambdaiface.DecodeDirective(s.data)
			if err != nil {
				t.Fatalf("DecodeDirective: %v", err)
			}
			if kind, err := lambdaiface.Classify(s.data); err != nil || kind != lambdaiface.KindSmartHome {
				t.Errorf("Classify = %v, %v; want smart-home", kind, err)
			}
			tok, src := d.Token()
			if want := expectedTokenSource(d); tok != sampleToken || src != want {
				t.Errorf("Token = %q, %v; want %q, %v", tok, src, sampleToken, want)
			}
			if d.IsAcceptGrant() != (d.Header.Name == "AcceptGrant") {
				t.Errorf("IsAcceptGrant = %v for %s", d.IsAcceptGrant(), d.Header.Name)
			}
			out := mustMarshal(t, lambdaiface.Envelope{Directive: d})
			if !jsonEqual(t, s.data, out) {
				t.Errorf("round trip changed the directive:\n got %s\nwant %s", out, s.data)
			}
		})
	}
	if count < 10 {
		t.Fatalf("found %d directive samples; the sample set looks incomplete", count)
	}
}

// expectedTokenSource is where each sample directive keeps its token.
func expectedTokenSource(d *lambdaiface.Directive) lambdaiface.TokenSource {
	switch d.Header.Namespace {
	case "Alexa.Discovery":
		return lambdaiface.TokenPayloadScope
	case "Alexa.Authorization":
		return lambdaiface.TokenGrantee
	}
	return lambdaiface.TokenEndpointScope
}

// TestSampleMessages checks every other sample (responses, reports, error
// responses): it is an Alexa message, round-trips through Response and
// still validates against the schema.
func TestSampleMessages(t *testing.T) {
	var count int
	for _, s := range loadSamples(t) {
		if s.isDirective() {
			continue
		}
		count++
		t.Run(s.name, func(t *testing.T) {
			if err := validateMessage(t, s.data); err != nil {
				t.Fatalf("sample does not validate before the round trip: %v", err)
			}
			if !lambdaiface.IsAlexaMessage(s.data) {
				t.Error("IsAlexaMessage = false")
			}
			var r lambdaiface.Response
			if err := json.Unmarshal(s.data, &r); err != nil {
				t.Fatalf("decode Response: %v", err)
			}
			out := mustMarshal(t, &r)
			if !jsonEqual(t, s.data, out) {
				t.Errorf("round trip changed the message:\n got %s\nwant %s", out, s.data)
			}
			if err := validateMessage(t, out); err != nil {
				t.Errorf("round-tripped message does not validate: %v", err)
			}
		})
	}
	if count < 15 {
		t.Fatalf("found %d message samples; the sample set looks incomplete", count)
	}
}
