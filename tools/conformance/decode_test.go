package conformance

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/lee-engine/lee/lambdaiface"
	"github.com/lee-engine/lee/tools/internal/alexatest"
)

// The least the suite expects of a checkout of Amazon's samples: 11
// *.request.json directives and ReportState.json, and the other messages
// (responses, reports, error responses).
const (
	leastSampleDirectives = 12
	leastSampleMessages   = 15
)

// TestSampleDirectives checks every directive among Amazon's samples
// against lambdaiface: it decodes as Smart Home; Token yields the sample's
// token from the place its namespace keeps it (the endpoint's scope,
// Discovery's payload scope, AcceptGrant's grantee) and from no other;
// IsAcceptGrant says whether it is one; its header and endpoint are kept as
// they are; and ReadDirectiveHead reads the same header and endpoint id and
// cookie without the payload.
func TestSampleDirectives(t *testing.T) {
	for _, s := range sampleDirectives(t, leastSampleDirectives) {
		t.Run(s.name, func(t *testing.T) {
			in, err := lambdaiface.Decode(s.data)
			if err != nil || in.Kind != lambdaiface.KindSmartHome {
				t.Fatalf("Decode = %v, %v; want a Smart Home directive", in, err)
			}
			d := in.Directive
			want := tokenSource(d.Header.Namespace)
			for _, src := range []lambdaiface.TokenSource{lambdaiface.TokenEndpointScope, lambdaiface.TokenPayloadScope, lambdaiface.TokenGrantee} {
				wantTok := ""
				if src == want {
					wantTok = sampleToken
				}
				if got := in.Token(src); got != wantTok {
					t.Errorf("Token(%v) = %q, want %q: the directive's token is at %v", src, got, wantTok, want)
				}
			}
			if d.IsAcceptGrant() != (d.Header.Namespace == "Alexa.Authorization" && d.Header.Name == "AcceptGrant") {
				t.Errorf("IsAcceptGrant = %v for %s.%s", d.IsAcceptGrant(), d.Header.Namespace, d.Header.Name)
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
			if (d.Endpoint != nil) != (orig.Directive.Endpoint != nil) ||
				d.Endpoint != nil && !jsonEqual(t, orig.Directive.Endpoint, mustMarshal(t, d.Endpoint)) {
				t.Errorf("endpoint changed: %s", mustMarshal(t, d.Endpoint))
			}
			checkHead(t, s.data, d)
		})
	}
}

// tokenSource is where a directive of namespace keeps its token.
func tokenSource(namespace string) lambdaiface.TokenSource {
	switch namespace {
	case "Alexa.Discovery":
		return lambdaiface.TokenPayloadScope
	case "Alexa.Authorization":
		return lambdaiface.TokenGrantee
	}
	return lambdaiface.TokenEndpointScope
}

// checkHead checks that ReadDirectiveHead reads of raw what Decode read,
// the header and the endpoint's id and cookie, and not the payload.
func checkHead(t *testing.T, raw []byte, full *lambdaiface.Directive) {
	t.Helper()
	head := lambdaiface.ReadDirectiveHead(raw)
	if head == nil {
		t.Fatal("ReadDirectiveHead read nothing")
	}
	if head.Header != full.Header {
		t.Errorf("ReadDirectiveHead: header %+v, want %+v", head.Header, full.Header)
	}
	var want *lambdaiface.Endpoint
	if full.Endpoint != nil {
		want = &lambdaiface.Endpoint{EndpointID: full.Endpoint.EndpointID, Cookie: full.Endpoint.Cookie}
	}
	if !reflect.DeepEqual(head.Endpoint, want) {
		t.Errorf("ReadDirectiveHead: endpoint %+v, want %+v", head.Endpoint, want)
	}
	if head.Payload != nil {
		t.Error("ReadDirectiveHead read the payload")
	}
}

// TestSampleMessages checks every other sample (responses, reports, error
// responses): it is valid against Amazon's schema, IsAlexaMessage accepts
// it, and it round-trips through lambdaiface.Response unchanged and still
// valid.
func TestSampleMessages(t *testing.T) {
	schema := alexatest.Schema(t)
	var count int
	for _, s := range samples(t) {
		if s.isDirective() {
			continue
		}
		count++
		t.Run(s.name, func(t *testing.T) {
			if err := schema.Validate(s.data); err != nil {
				t.Fatalf("Amazon's sample is not valid against Amazon's schema: %v", err)
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
				t.Errorf("the round trip changed the message:\n got %s\nwant %s", out, s.data)
			}
			if err := schema.Validate(out); err != nil {
				t.Errorf("the round-tripped message is not valid: %v", err)
			}
		})
	}
	if count < leastSampleMessages {
		t.Fatalf("found %d messages among Amazon's samples; want at least %d", count, leastSampleMessages)
	}
}
