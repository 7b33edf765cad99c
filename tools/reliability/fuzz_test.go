package reliability

import (
	"encoding/json"
	"testing"

	"github.com/lee-engine/lee/lambdaiface"
)

// Bits of FuzzTokenLookup's layout byte: which members the directive has,
// and which of them are a string instead of a scope object.
const (
	hasEndpoint = 1 << iota
	hasEndpointScope
	hasPayloadScope
	hasGrantee
	endpointScopeMalformed
	payloadScopeMalformed
	granteeMalformed
	noPayload
)

// FuzzTokenLookup checks the token lookup the relay depends on against an
// independent statement of its rule: the token of the first of
// directive.endpoint.scope, directive.payload.scope and
// directive.payload.grantee that is a scope object of type BearerToken or
// BearerTokenWithPartition with a non-empty token; none otherwise.
// lambdaiface's own FuzzDecodeDirective calls Token only to compare two
// decodings of one body, so it would not notice a lookup that is wrong the
// same way twice; this target builds directives from fuzzed parts and
// knows the right answer for each.
func FuzzTokenLookup(f *testing.F) {
	f.Add(uint8(hasEndpoint|hasEndpointScope), "BearerToken", "tok-1", "", "", "", "")
	f.Add(uint8(hasPayloadScope), "", "", "BearerToken", "tok-2", "", "")
	f.Add(uint8(hasGrantee), "", "", "", "", "BearerTokenWithPartition", "tok-3")
	f.Add(uint8(hasEndpoint|hasEndpointScope|hasPayloadScope|hasGrantee), "bearertoken", "a", "BearerToken", "", "BearerToken", "c")
	f.Add(uint8(hasPayloadScope|hasGrantee|payloadScopeMalformed), "", "", "BearerToken", "b", "BearerToken", "\"\\\u00e9\xff")
	f.Add(uint8(hasEndpoint|hasEndpointScope|endpointScopeMalformed), "BearerToken", "x", "", "", "", "")
	f.Add(uint8(noPayload|hasGrantee), "", "", "", "", "BearerToken", "y")
	f.Fuzz(func(t *testing.T, layout uint8, epType, epToken, psType, psToken, grType, grToken string) {
		body, err := json.Marshal(buildDirective(layout, epType, epToken, psType, psToken, grType, grToken))
		if err != nil {
			t.Fatal(err)
		}
		d, err := lambdaiface.DecodeDirective(body)
		malformed := layout&(hasEndpoint|hasEndpointScope|endpointScopeMalformed) == hasEndpoint|hasEndpointScope|endpointScopeMalformed
		if err != nil || malformed {
			if err == nil || !malformed {
				t.Fatalf("DecodeDirective(%s) = %v; want a refusal exactly when the endpoint's scope is not an object", body, err)
			}
			return
		}
		wantTok, wantSrc := expectedToken(layout, epType, epToken, psType, psToken, grType, grToken)
		if tok, src := d.Token(); tok != wantTok || src != wantSrc {
			t.Fatalf("Token of %s = %q from %v, want %q from %v", body, tok, src, wantTok, wantSrc)
		}
	})
}

// buildDirective is a Smart Home directive with the members layout asks for.
func buildDirective(layout uint8, epType, epToken, psType, psToken, grType, grToken string) map[string]any {
	scope := func(malformedBit uint8, typ, tok string) any {
		if layout&malformedBit != 0 {
			return typ + tok
		}
		return map[string]string{"type": typ, "token": tok}
	}
	d := map[string]any{"header": map[string]string{
		"namespace": "Alexa.PowerController", "name": "TurnOn", "payloadVersion": "3", "messageId": "m-1",
	}}
	if layout&hasEndpoint != 0 {
		ep := map[string]any{"endpointId": "endpoint-001"}
		if layout&hasEndpointScope != 0 {
			ep["scope"] = scope(endpointScopeMalformed, epType, epToken)
		}
		d["endpoint"] = ep
	}
	if layout&noPayload == 0 {
		p := map[string]any{}
		if layout&hasPayloadScope != 0 {
			p["scope"] = scope(payloadScopeMalformed, psType, psToken)
		}
		if layout&hasGrantee != 0 {
			p["grantee"] = scope(granteeMalformed, grType, grToken)
		}
		d["payload"] = p
	}
	return map[string]any{"directive": d}
}

// expectedToken states the lookup rule on the fuzzed parts, as they read
// after a JSON round trip (which turns invalid UTF-8 into U+FFFD).
func expectedToken(layout uint8, epType, epToken, psType, psToken, grType, grToken string) (string, lambdaiface.TokenSource) {
	usable := func(present, malformed uint8, typ, tok string) bool {
		typ, tok = roundTrip(typ), roundTrip(tok)
		return layout&present != 0 && layout&malformed == 0 && tok != "" &&
			(typ == "BearerToken" || typ == "BearerTokenWithPartition")
	}
	switch {
	case layout&hasEndpoint != 0 && usable(hasEndpointScope, endpointScopeMalformed, epType, epToken):
		return roundTrip(epToken), lambdaiface.TokenEndpointScope
	case layout&noPayload != 0:
		return "", lambdaiface.TokenNone
	case usable(hasPayloadScope, payloadScopeMalformed, psType, psToken):
		return roundTrip(psToken), lambdaiface.TokenPayloadScope
	case usable(hasGrantee, granteeMalformed, grType, grToken):
		return roundTrip(grToken), lambdaiface.TokenGrantee
	}
	return "", lambdaiface.TokenNone
}

// roundTrip is s as a JSON decoder reads it back after encoding.
func roundTrip(s string) string {
	b, _ := json.Marshal(s)
	var out string
	_ = json.Unmarshal(b, &out)
	return out
}
