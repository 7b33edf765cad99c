package lambdaiface_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/lee-engine/lee/lambdaiface"
)

// TestFixtureDirectives checks every directive of the project's own
// fixtures, one per interface the relay handles: it decodes as smart home,
// yields the fixture token from the place its namespace keeps it and no
// other, and keeps its header and endpoint as they are. Fewer than 11
// directives fails: the set would look incomplete. (tools/conformance
// checks the same of Amazon's sample directives.)
func TestFixtureDirectives(t *testing.T) {
	var count int
	for _, s := range loadFixtures(t) {
		if !s.isDirective() {
			if strings.HasSuffix(s.name, ".directive.json") {
				t.Errorf("%s: named as a directive but holds none", s.name)
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
				if got := in.Token(src); (src == want) != (got == fixtureToken) || src != want && got != "" {
					t.Errorf("Token(%v) = %q; the directive's token is at %v", src, got, want)
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
	if count < 11 {
		t.Fatalf("found %d directives; want at least 11", count)
	}
}

// expectedTokenSource is where each directive keeps its token.
func expectedTokenSource(d *lambdaiface.Directive) lambdaiface.TokenSource {
	switch d.Header.Namespace {
	case "Alexa.Discovery":
		return lambdaiface.TokenPayloadScope
	case "Alexa.Authorization":
		return lambdaiface.TokenGrantee
	}
	return lambdaiface.TokenEndpointScope
}

// TestFixtureMessages checks every answer of the project's own fixtures
// (responses, a state report, a Discovery answer, an ErrorResponse): each
// is an Alexa message that round-trips through Response unchanged.
// (tools/internal/alexatest checks the same fixtures against Amazon's
// schema, and tools/conformance Amazon's own samples.)
func TestFixtureMessages(t *testing.T) {
	var count int
	for _, s := range loadFixtures(t) {
		if s.isDirective() {
			continue
		}
		count++
		t.Run(s.name, func(t *testing.T) {
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
		})
	}
	if count < 12 {
		t.Fatalf("found %d messages; want at least 12", count)
	}
}
