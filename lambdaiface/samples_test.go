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

// checkDirectives checks each directive of set: it decodes, classifies as
// smart home, yields token from the place its namespace keeps it and
// encodes back to the same JSON. Fewer than least directives fails: the
// set would look incomplete.
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
			d, err := lambdaiface.DecodeDirective(s.data)
			if err != nil {
				t.Fatalf("DecodeDirective: %v", err)
			}
			if kind, err := lambdaiface.Classify(s.data); err != nil || kind != lambdaiface.KindSmartHome {
				t.Errorf("Classify = %v, %v; want smart-home", kind, err)
			}
			tok, src := d.Token()
			if want := expectedTokenSource(d); tok != token || src != want {
				t.Errorf("Token = %q, %v; want %q, %v", tok, src, token, want)
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
