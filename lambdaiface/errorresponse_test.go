package lambdaiface_test

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"testing"

	"github.com/lee-engine/lee/lambdaiface"
)

// allErrorTypes lists every ErrorType the package exports.
var allErrorTypes = []lambdaiface.ErrorType{
	lambdaiface.BridgeUnreachable,
	lambdaiface.InvalidAuthorizationCredential,
	lambdaiface.ExpiredAuthorizationCredential,
	lambdaiface.InternalError,
	lambdaiface.InvalidDirective,
	lambdaiface.EndpointUnreachable,
	lambdaiface.NoSuchEndpoint,
	lambdaiface.AcceptGrantFailed,
}

// errorCase is one directive to answer with an error.
type errorCase struct {
	name        string
	directive   *lambdaiface.Directive
	wantEP      bool
	acceptGrant bool
}

// errorCases builds the directives of the ErrorResponse tests from the
// project's fixtures plus hand-made partial ones.
func errorCases(t *testing.T) []errorCase {
	decode := func(name string) *lambdaiface.Directive {
		d, err := decodeDirective(fixture(t, name))
		if err != nil {
			t.Fatalf("decode %s: %v", name, err)
		}
		return d
	}
	turnOn := decode(turnOnDirective)
	withCookie := decode(turnOffDirective)
	withCookie.Endpoint.Cookie = map[string]string{"entity": "light.kitchen"}
	badID := decode(lockDirective)
	badID.Endpoint.EndpointID = "not a valid id!"
	grantWithEndpoint := decode(grantDirective)
	grantWithEndpoint.Endpoint = &lambdaiface.Endpoint{EndpointID: "light#kitchen", Cookie: map[string]string{"a": "b"}}
	return []errorCase{
		{name: "nil directive"},
		{name: "header only", directive: &lambdaiface.Directive{Header: lambdaiface.Header{Namespace: "Alexa", Name: "ReportState"}}},
		{name: "header with correlation token", directive: &lambdaiface.Directive{Header: lambdaiface.Header{CorrelationToken: "abc=="}}},
		{name: "TurnOn", directive: turnOn, wantEP: true},
		{name: "cookie kept", directive: withCookie, wantEP: true},
		{name: "invalid endpoint id dropped", directive: badID},
		{name: "Discovery", directive: decode(discoveryDirective)},
		{name: "AcceptGrant", directive: decode(grantDirective), acceptGrant: true},
		// Alexa's AcceptGrant error has no endpoint, even when the
		// directive wrongly carried one.
		{name: "AcceptGrant with an endpoint", directive: grantWithEndpoint, acceptGrant: true},
	}
}

// TestNewErrorResponse checks every ErrorType against every kind of
// directive: the answer keeps the project's ErrorResponse rules, keeps what
// it must and never carries the token. (tools/conformance holds the same
// answers, and those to Amazon's sample directives, to Amazon's schema.)
func TestNewErrorResponse(t *testing.T) {
	for _, c := range errorCases(t) {
		for _, typ := range slices.Concat(allErrorTypes, []lambdaiface.ErrorType{"NOT_A_TYPE"}) {
			t.Run(c.name+"/"+string(typ), func(t *testing.T) {
				message := "Home Assistant said no"
				if tok, _ := tokenOf(c.directive); tok != "" {
					message += " (token " + tok + ")"
				}
				r := lambdaiface.NewErrorResponse(c.directive, typ, message)
				out := mustMarshal(t, r)
				if err := checkErrorShape(out); err != nil {
					t.Fatalf("answer is not a valid ErrorResponse: %v\n%s", err, out)
				}
				if bytes.Contains(out, []byte(fixtureToken)) {
					t.Fatalf("answer contains the bearer token: %s", out)
				}
				checkErrorResponse(t, c, r, typ)
			})
		}
	}
}

// checkErrorResponse checks the members NewErrorResponse must set or keep.
func checkErrorResponse(t *testing.T, c errorCase, r *lambdaiface.Response, typ lambdaiface.ErrorType) {
	t.Helper()
	h := r.Event.Header
	wantNS, wantType := "Alexa", typ
	switch {
	case c.acceptGrant:
		wantNS, wantType = "Alexa.Authorization", lambdaiface.AcceptGrantFailed
	case typ == lambdaiface.AcceptGrantFailed || typ == "NOT_A_TYPE":
		wantType = lambdaiface.InternalError
	}
	if h.Namespace != wantNS || h.Name != "ErrorResponse" || h.PayloadVersion != "3" {
		t.Errorf("header = %+v; want %s ErrorResponse v3", h, wantNS)
	}
	var wantCT string
	if c.directive != nil {
		wantCT = c.directive.Header.CorrelationToken
	}
	if h.CorrelationToken != wantCT {
		t.Errorf("correlationToken = %q; want %q", h.CorrelationToken, wantCT)
	}
	var p struct{ Type, Message string }
	if err := json.Unmarshal(r.Event.Payload, &p); err != nil {
		t.Fatalf("payload: %v", err)
	}
	if p.Type != string(wantType) {
		t.Errorf("payload type = %q; want %q", p.Type, wantType)
	}
	want := "Home Assistant said no"
	if tok, _ := tokenOf(c.directive); tok != "" {
		want += " (token [redacted])"
	}
	if p.Message != want {
		t.Errorf("message = %q; want %q", p.Message, want)
	}
	checkEndpoint(t, c, r.Event.Endpoint)
}

// checkEndpoint checks that the endpoint is kept without its scope.
func checkEndpoint(t *testing.T, c errorCase, got *lambdaiface.Endpoint) {
	t.Helper()
	if !c.wantEP {
		if got != nil {
			t.Errorf("endpoint = %+v; want none", got)
		}
		return
	}
	want := c.directive.Endpoint
	switch {
	case got == nil:
		t.Fatal("endpoint dropped")
	case got.Scope != nil:
		t.Error("endpoint scope echoed")
	case got.EndpointID != want.EndpointID:
		t.Errorf("endpointId = %q; want %q", got.EndpointID, want.EndpointID)
	case len(got.Cookie) != len(want.Cookie) || got.Cookie["entity"] != want.Cookie["entity"]:
		t.Errorf("cookie = %v; want %v", got.Cookie, want.Cookie)
	}
}

// TestNewErrorResponseMessageID checks that every answer gets a fresh,
// schema-valid message id.
func TestNewErrorResponseMessageID(t *testing.T) {
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	seen := make(map[string]bool)
	for range 50 {
		id := lambdaiface.NewErrorResponse(nil, lambdaiface.InternalError, "x").Event.Header.MessageID
		if !uuid.MatchString(id) || !messageIDPattern.MatchString(id) || seen[id] {
			t.Fatalf("messageId = %q: not a fresh version 4 UUID", id)
		}
		seen[id] = true
	}
}

// TestNewErrorResponseGolden pins the exact answer to the TurnOn fixture.
func TestNewErrorResponseGolden(t *testing.T) {
	d, err := decodeDirective(fixture(t, turnOnDirective))
	if err != nil {
		t.Fatal(err)
	}
	r := lambdaiface.NewErrorResponse(d,
		lambdaiface.BridgeUnreachable, "Home Assistant did not answer in time")
	r.Event.Header.MessageID = "0b6c1e52-8a5f-4f3e-9d47-2c1a7e90b5d3" // the golden file's; ids are random
	want, err := os.ReadFile("testdata/error-response-turnon.json")
	if err != nil {
		t.Fatal(err)
	}
	if got := mustMarshal(t, r); !jsonEqual(t, got, want) {
		t.Errorf("answer differs from golden file:\n got %s\nwant %s", got, want)
	}
}
