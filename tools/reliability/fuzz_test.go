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
// independent statement of its rule: at each of directive.endpoint.scope,
// directive.payload.scope and directive.payload.grantee (the place a row of
// the dispatch table names), the token of a scope object of type
// BearerToken or BearerTokenWithPartition with a non-empty token; none
// otherwise. lambdaiface's own FuzzDecode calls Token only to compare two
// decodings of one body, so it would not notice a lookup that is wrong the
// same way twice; this target builds directives from fuzzed parts and
// knows the right answer for each place.
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
		in, err := lambdaiface.Decode(body)
		malformed := layout&(hasEndpoint|hasEndpointScope|endpointScopeMalformed) == hasEndpoint|hasEndpointScope|endpointScopeMalformed
		if err != nil || malformed {
			if err == nil || !malformed {
				t.Fatalf("Decode(%s) = %v; want a refusal exactly when the endpoint's scope is not an object", body, err)
			}
			return
		}
		want := expectedTokens(layout, epType, epToken, psType, psToken, grType, grToken)
		for src, wantTok := range want {
			if tok := in.Token(src); tok != wantTok {
				t.Fatalf("Token(%v) of %s = %q, want %q", src, body, tok, wantTok)
			}
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

// expectedTokens states the lookup rule on the fuzzed parts, place by
// place, as they read after a JSON round trip (which turns invalid UTF-8
// into U+FFFD).
func expectedTokens(layout uint8, epType, epToken, psType, psToken, grType, grToken string) map[lambdaiface.TokenSource]string {
	usable := func(present, malformed uint8, typ, tok string) string {
		typ, tok = roundTrip(typ), roundTrip(tok)
		if layout&present != 0 && layout&malformed == 0 && (typ == "BearerToken" || typ == "BearerTokenWithPartition") {
			return tok
		}
		return ""
	}
	want := map[lambdaiface.TokenSource]string{
		lambdaiface.TokenEndpointScope: "", lambdaiface.TokenPayloadScope: "", lambdaiface.TokenGrantee: "",
	}
	if layout&hasEndpoint != 0 {
		want[lambdaiface.TokenEndpointScope] = usable(hasEndpointScope, endpointScopeMalformed, epType, epToken)
	}
	if layout&noPayload == 0 {
		want[lambdaiface.TokenPayloadScope] = usable(hasPayloadScope, payloadScopeMalformed, psType, psToken)
		want[lambdaiface.TokenGrantee] = usable(hasGrantee, granteeMalformed, grType, grToken)
	}
	return want
}

// roundTrip is s as a JSON decoder reads it back after encoding.
func roundTrip(s string) string {
	b, _ := json.Marshal(s)
	var out string
	_ = json.Unmarshal(b, &out)
	return out
}
