package lambdaiface_test

import (
	"encoding/json"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/lee-engine/lee/lambdaiface"
)

// genScope draws a scope that may or may not hold a usable bearer token.
func genScope(t *rapid.T, label string) map[string]any {
	typ := rapid.SampledFrom([]string{"BearerToken", "BearerTokenWithPartition", "Other", ""}).Draw(t, label+".type")
	tok := rapid.OneOf(rapid.Just(""), rapid.StringN(1, 40, -1)).Draw(t, label+".token")
	return map[string]any{"type": typ, "token": tok}
}

// usableToken mirrors the token rule for a generated scope.
func usableToken(scope map[string]any) (string, bool) {
	if scope == nil {
		return "", false
	}
	typ, tok := scope["type"].(string), scope["token"].(string)
	return tok, tok != "" && (typ == "BearerToken" || typ == "BearerTokenWithPartition")
}

// genDirective draws a well-formed directive body and the token and source
// the token rule must find in it.
func genDirective(t *rapid.T) ([]byte, string, lambdaiface.TokenSource) {
	header := map[string]any{
		"namespace":      rapid.SampledFrom([]string{"Alexa", "Alexa.PowerController", "Alexa.Discovery", "Alexa.Authorization"}).Draw(t, "namespace"),
		"name":           rapid.SampledFrom([]string{"TurnOn", "Discover", "AcceptGrant", "ReportState"}).Draw(t, "name"),
		"payloadVersion": "3",
		"messageId":      rapid.StringN(1, 140, -1).Draw(t, "messageId"),
	}
	if ct := rapid.String().Draw(t, "correlationToken"); ct != "" {
		header["correlationToken"] = ct
	}
	directive := map[string]any{"header": header}
	var epScope, payScope, grantee map[string]any
	if rapid.Bool().Draw(t, "hasEndpoint") {
		ep := map[string]any{
			"endpointId": rapid.OneOf(rapid.StringMatching(`[a-zA-Z0-9_\-=#;:?@&]{1,256}`), rapid.String()).Draw(t, "endpointId"),
			"cookie":     rapid.MapOf(rapid.String(), rapid.String()).Draw(t, "cookie"),
		}
		if rapid.Bool().Draw(t, "hasEndpointScope") {
			epScope = genScope(t, "endpoint.scope")
			ep["scope"] = epScope
		}
		directive["endpoint"] = ep
	}
	payload := map[string]any{"other": rapid.Int().Draw(t, "other")}
	if rapid.Bool().Draw(t, "hasPayloadScope") {
		payScope = genScope(t, "payload.scope")
		payload["scope"] = payScope
	}
	if rapid.Bool().Draw(t, "hasGrantee") {
		grantee = genScope(t, "payload.grantee")
		payload["grantee"] = grantee
	}
	directive["payload"] = payload
	body, err := json.Marshal(map[string]any{"directive": directive})
	if err != nil {
		t.Fatal(err)
	}
	if tok, ok := usableToken(epScope); ok {
		return body, tok, lambdaiface.TokenEndpointScope
	}
	if tok, ok := usableToken(payScope); ok {
		return body, tok, lambdaiface.TokenPayloadScope
	}
	if tok, ok := usableToken(grantee); ok {
		return body, tok, lambdaiface.TokenGrantee
	}
	return body, "", lambdaiface.TokenNone
}

// TestDirectiveProperties checks, over generated directives, that each
// decodes and classifies as smart home, that Token follows the token rule,
// and that the ErrorResponse answering it validates without its token.
func TestDirectiveProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		body, wantTok, wantSrc := genDirective(t)
		d, err := decodeDirective(body)
		if err != nil {
			t.Fatalf("DecodeDirective: %v", err)
		}
		if kind, err := classify(body); kind != lambdaiface.KindSmartHome || err != nil {
			t.Fatalf("Classify = %v, %v", kind, err)
		}
		if tok, src := tokenOf(d); tok != wantTok || src != wantSrc {
			t.Fatalf("Token = %q, %v; want %q, %v", tok, src, wantTok, wantSrc)
		}
		typ := rapid.SampledFrom(allErrorTypes).Draw(t, "type")
		message := rapid.String().Draw(t, "message")
		r := lambdaiface.NewErrorResponse(d, typ, message+wantTok)
		out, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if err := checkErrorShape(out); err != nil {
			t.Fatalf("answer is not a valid ErrorResponse: %v\n%s", err, out)
		}
		var p struct{ Message string }
		if err := json.Unmarshal(r.Event.Payload, &p); err != nil {
			t.Fatal(err)
		}
		if wantTok != "" && strings.Contains(p.Message, wantTok) {
			t.Fatalf("message carries the token: %q", p.Message)
		}
		if r.Event.Endpoint != nil && r.Event.Endpoint.Scope != nil {
			t.Fatal("answer echoes the scope")
		}
	})
}

// TestIsAlexaMessageProperty checks that every generated ErrorResponse is
// recognised as an Alexa message and that cutting it short is not.
func TestIsAlexaMessageProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := lambdaiface.NewErrorResponse(nil, lambdaiface.InternalError, rapid.String().Draw(t, "message"))
		out, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if !lambdaiface.IsAlexaMessage(out) {
			t.Fatalf("IsAlexaMessage(%s) = false", out)
		}
		cut := rapid.IntRange(0, len(out)-1).Draw(t, "cut")
		if lambdaiface.IsAlexaMessage(out[:cut]) {
			t.Fatalf("IsAlexaMessage accepted a truncated body: %s", out[:cut])
		}
	})
}
