package lambdaiface_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/lee-engine/lee/lambdaiface"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestFixtureDirectives checks every directive of the project's own
// fixtures, one per interface the relay handles.
func TestFixtureDirectives(t *testing.T) {
	checkDirectives(t, loadFixtures(t), fixtureToken, 11)
}

// TestSampleDirectives checks every directive among Amazon's samples.
func TestSampleDirectives(t *testing.T) {
	checkDirectives(t, loadSamples(t), sampleToken, 10)
}

// checkDirectives checks each directive of set: it decodes as smart home,
// yields token from the place its namespace keeps it and no other, and
// keeps its header and endpoint as they are. Fewer than least directives
// fails: the set would look incomplete.
func checkDirectives(t *testing.T, set []sample, token string, least int) {
	var count int
	for _, s := range set {
		isRequest := strings.HasSuffix(s.name, ".request.json") || strings.HasSuffix(s.name, ".directive.json")
		if !s.isDirective() {
			if isRequest {
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
				if got := in.Token(src); (src == want) != (got == token) || src != want && got != "" {
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
	if count < least {
		t.Fatalf("found %d directives; want at least %d", count, least)
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
// (responses, a state report, a Discovery answer, an ErrorResponse):
// each is an Alexa message that round-trips through Response, and, when
// Amazon's data is at hand, validates against Amazon's schema before and
// after, so that the fixtures are known to be real Alexa messages.
func TestFixtureMessages(t *testing.T) {
	checkMessages(t, loadFixtures(t), optionalSchema(t), 12)
}

// TestSampleMessages checks every other sample of Amazon's (responses,
// reports, error responses) the same way, against Amazon's schema.
func TestSampleMessages(t *testing.T) {
	checkMessages(t, loadSamples(t), amazonSchema(t), 15)
}

// checkMessages checks each message of set that is not a directive: it is
// an Alexa message, round-trips through Response and, when sch is not nil,
// validates against it before and after the round trip.
func checkMessages(t *testing.T, set []sample, sch *jsonschema.Schema, least int) {
	var count int
	for _, s := range set {
		if s.isDirective() {
			continue
		}
		count++
		t.Run(s.name, func(t *testing.T) {
			if sch != nil {
				if err := validateWith(sch, s.data); err != nil {
					t.Fatalf("message does not validate before the round trip: %v", err)
				}
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
			if sch != nil {
				if err := validateWith(sch, out); err != nil {
					t.Errorf("round-tripped message does not validate: %v", err)
				}
			}
		})
	}
	if count < least {
		t.Fatalf("found %d messages; want at least %d", count, least)
	}
}
