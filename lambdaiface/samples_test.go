package lambdaiface_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/lee-engine/lee/lambdaiface"
)

// TestSampleDirectives checks every directive sample: it decodes as smart
// home, yields its token from the place its kind of directive uses and no
// other, and keeps its header and endpoint as they are.
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
			in, err := lambdaiface.Decode(s.data)
			if err != nil || in.Kind != lambdaiface.KindSmartHome {
				t.Fatalf("Decode = %+v, %v; want a smart-home directive", in, err)
			}
			d := in.Directive
			want := expectedTokenSource(d)
			for _, src := range []lambdaiface.TokenSource{lambdaiface.TokenEndpointScope, lambdaiface.TokenPayloadScope, lambdaiface.TokenGrantee} {
				if got := in.Token(src); (src == want) != (got == sampleToken) || src != want && got != "" {
					t.Errorf("Token(%v) = %q; the sample's token is at %v", src, got, want)
				}
			}
			if d.IsAcceptGrant() != (d.Header.Name == "AcceptGrant") {
				t.Errorf("IsAcceptGrant = %v for %s", d.IsAcceptGrant(), d.Header.Name)
			}
			var orig struct {
				Directive struct {
					Header   json.RawMessage `json:"header"`
					Endpoint json.RawMessage `json:"endpoint"`
				} `json:"directive"`
			}
			if err := json.Unmarshal(s.data, &orig); err != nil {
				t.Fatal(err)
			}
			if !jsonEqual(t, orig.Directive.Header, mustMarshal(t, d.Header)) {
				t.Errorf("header changed: %+v", d.Header)
			}
			if d.Endpoint != nil && !jsonEqual(t, orig.Directive.Endpoint, mustMarshal(t, d.Endpoint)) {
				t.Errorf("endpoint changed: %s", mustMarshal(t, d.Endpoint))
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
