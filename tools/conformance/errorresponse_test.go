package conformance

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/lee-engine/lee/lambdaiface"
	"github.com/lee-engine/lee/tools/internal/alexa"
	"github.com/lee-engine/lee/tools/internal/alexatest"
)

// errorTypes is every ErrorType lambdaiface exports, and one it does not
// know (NewErrorResponse answers INTERNAL_ERROR for that).
var errorTypes = []lambdaiface.ErrorType{
	lambdaiface.BridgeUnreachable,
	lambdaiface.InvalidAuthorizationCredential,
	lambdaiface.ExpiredAuthorizationCredential,
	lambdaiface.InternalError,
	lambdaiface.InvalidDirective,
	lambdaiface.EndpointUnreachable,
	lambdaiface.NoSuchEndpoint,
	lambdaiface.AcceptGrantFailed,
	"NOT_A_TYPE",
}

// directiveOf is the directive Decode reads of body, nil when it reads
// none; a directive that cannot be relayed still has its header.
func directiveOf(body []byte) *lambdaiface.Directive {
	if in, _ := lambdaiface.Decode(body); in != nil {
		return in.Directive
	}
	return nil
}

// answersTo builds the ErrorResponse to body for every error type.
func answersTo(t alexatest.T, body []byte, message string) map[lambdaiface.ErrorType][]byte {
	t.Helper()
	d := directiveOf(body)
	out := make(map[lambdaiface.ErrorType][]byte, len(errorTypes))
	for _, typ := range errorTypes {
		out[typ] = mustMarshal(t, lambdaiface.NewErrorResponse(d, typ, message))
	}
	return out
}

// TestErrorResponses checks the ErrorResponse lambdaiface builds for every
// error type and every directive of the project's fixtures, and for bodies
// it reads only in part (no directive; a header only; an invalid
// endpointId): each keeps the project's rules as the answer to its
// directive (internal/alexa.CheckAnswer: an error type Alexa documents for
// the namespace, a message, the correlationToken, endpointId and cookie
// kept), and, when Amazon's data is at hand, is valid against Amazon's
// schema. It runs in every checkout.
func TestErrorResponses(t *testing.T) {
	bodies := map[string][]byte{
		"no directive":     []byte(`{}`),
		"header only":      []byte(`{"directive":{"header":{"namespace":"Alexa","name":"ReportState"}}}`),
		"correlationToken": []byte(`{"directive":{"header":{"correlationToken":"abc=="}}}`),
	}
	for _, name := range alexatest.Directives() {
		bodies[name] = alexatest.Directive(t, name)
	}
	var turnOn map[string]any
	if err := json.Unmarshal(alexatest.Directive(t, "PowerController.TurnOn"), &turnOn); err != nil {
		t.Fatal(err)
	}
	turnOn["directive"].(map[string]any)["endpoint"].(map[string]any)["endpointId"] = "not a valid id!"
	bodies["invalid endpointId"] = mustMarshal(t, turnOn)
	for name, body := range bodies {
		for typ, answer := range answersTo(t, body, "Home Assistant said no") {
			t.Run(name+"/"+string(typ), func(t *testing.T) {
				if err := alexatest.CheckAnswer(t, body, answer); err != nil {
					t.Errorf("%v\n%s", err, answer)
				}
			})
		}
	}
}

// TestErrorResponseBounds checks, by the same rules, the answers to
// directives whose echoed parts reach or pass lambdaiface's bounds (the
// correlationToken and cookie left out past 4 KiB, the message cut at
// 1 KiB on a rune boundary, every '<' growing sixfold when encoded).
func TestErrorResponseBounds(t *testing.T) {
	lt := func(n int) string { return strings.Repeat("<", n) }
	directive := func(token string, cookie map[string]string) *lambdaiface.Directive {
		return &lambdaiface.Directive{
			Header:   lambdaiface.Header{Namespace: "Alexa", Name: "ReportState", PayloadVersion: "3", MessageID: "m-1", CorrelationToken: token},
			Endpoint: &lambdaiface.Endpoint{EndpointID: strings.Repeat("e", 256), Cookie: cookie},
		}
	}
	tests := []struct {
		name    string
		d       *lambdaiface.Directive
		message string
	}{
		{"token at the bound", directive(lt(4<<10), nil), "x"},
		{"token past the bound", directive(lt(4<<10+1), nil), "x"},
		{"cookie at the bound", directive("c", map[string]string{"<": lt(4<<10 - 1)}), "x"},
		{"cookie past the bound", directive("c", map[string]string{"<": lt(4 << 10)}), "x"},
		{"message past the bound", directive("c", nil), lt(1<<10 + 5)},
		{"message cut before a rune", directive("c", nil), "a" + strings.Repeat("é", 1<<10)},
		{"6 MB parts", directive(lt(6<<20), map[string]string{"c": lt(6 << 20)}), lt(6 << 20)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			answer := mustMarshal(t, lambdaiface.NewErrorResponse(tc.d, lambdaiface.InvalidDirective, tc.message))
			if err := alexatest.Check(t, answer); err != nil {
				t.Errorf("%v\n%.300s", err, answer)
			}
		})
	}
}

// TestSampleErrorResponses checks the ErrorResponse lambdaiface builds for
// every directive among Amazon's samples and every error type: valid
// against Amazon's schema, keeping the project's rules as the answer to
// the directive, and never carrying the directive's token.
func TestSampleErrorResponses(t *testing.T) {
	schema := alexatest.Schema(t)
	for _, s := range sampleDirectives(t, leastSampleDirectives) {
		for typ, answer := range answersTo(t, s.data, "Home Assistant said no to "+sampleToken) {
			t.Run(s.name+"/"+string(typ), func(t *testing.T) {
				if err := schema.Validate(answer); err != nil {
					t.Errorf("not valid against Amazon's schema: %v\n%s", err, answer)
				}
				if err := alexa.CheckAnswer(s.data, answer); err != nil {
					t.Errorf("%v\n%s", err, answer)
				}
				if strings.Contains(string(answer), sampleToken) {
					t.Errorf("the answer carries the directive's token: %s", answer)
				}
			})
		}
	}
}

// TestErrorResponseProperty checks, over generated directives (any
// correlationToken, endpointId, cookie and scopes; any message), that the
// ErrorResponse lambdaiface builds is valid against Amazon's schema.
func TestErrorResponseProperty(t *testing.T) {
	schema := alexatest.Schema(t)
	rapid.Check(t, func(t *rapid.T) {
		body := genDirective(t)
		typ := rapid.SampledFrom(errorTypes).Draw(t, "type")
		message := rapid.String().Draw(t, "message")
		answer := mustMarshal(t, lambdaiface.NewErrorResponse(directiveOf(body), typ, message))
		if err := schema.Validate(answer); err != nil {
			t.Fatalf("the answer to %s is not valid against Amazon's schema: %v\n%s", body, err, answer)
		}
	})
}

// genDirective draws a directive body: any strings where Alexa sends
// strings, and a scope that may or may not hold a bearer token at each of
// the three places a token can be.
func genDirective(t *rapid.T) []byte {
	scope := func(label string) map[string]any {
		return map[string]any{
			"type":  rapid.SampledFrom([]string{"BearerToken", "BearerTokenWithPartition", "Other", ""}).Draw(t, label+".type"),
			"token": rapid.String().Draw(t, label+".token"),
		}
	}
	header := map[string]any{
		"namespace":      rapid.SampledFrom([]string{"Alexa", "Alexa.PowerController", "Alexa.Discovery", "Alexa.Authorization", "Alexa.ThermostatController"}).Draw(t, "namespace"),
		"name":           rapid.SampledFrom([]string{"TurnOn", "Discover", "AcceptGrant", "ReportState", "SetTargetTemperature"}).Draw(t, "name"),
		"payloadVersion": "3",
		"messageId":      rapid.StringN(1, 140, -1).Draw(t, "messageId"),
	}
	if ct := rapid.String().Draw(t, "correlationToken"); ct != "" {
		header["correlationToken"] = ct
	}
	directive := map[string]any{"header": header}
	if rapid.Bool().Draw(t, "endpoint") {
		ep := map[string]any{
			"endpointId": rapid.OneOf(rapid.StringMatching(`[a-zA-Z0-9_\-=#;:?@&]{1,256}`), rapid.String()).Draw(t, "endpointId"),
			"cookie":     rapid.MapOf(rapid.String(), rapid.String()).Draw(t, "cookie"),
		}
		if rapid.Bool().Draw(t, "endpoint.hasScope") {
			ep["scope"] = scope("endpoint.scope")
		}
		directive["endpoint"] = ep
	}
	payload := map[string]any{}
	for _, place := range []string{"scope", "grantee"} {
		if rapid.Bool().Draw(t, "payload.has."+place) {
			payload[place] = scope("payload." + place)
		}
	}
	directive["payload"] = payload
	return mustMarshal(t, map[string]any{"directive": directive})
}

// TestSchemaRejects is the control that shows Amazon's schema checks of
// this suite can fail: each message breaks one of its rules.
func TestSchemaRejects(t *testing.T) {
	schema := alexatest.Schema(t)
	const head = `{"event":{"header":{"namespace":"%s","name":"ErrorResponse","payloadVersion":"3","messageId":"%s"},%s"payload":{"type":"%s","message":""}}}`
	tests := []struct{ name, msg string }{
		{"ACCEPT_GRANT_FAILED in the Alexa namespace", fmt.Sprintf(head, "Alexa", "a", "", "ACCEPT_GRANT_FAILED")},
		{"an echoed scope with an empty token", fmt.Sprintf(head, "Alexa", "a", `"endpoint":{"endpointId":"e","scope":{"type":"BearerToken","token":""}},`, "INTERNAL_ERROR")},
		{"a messageId with a space", fmt.Sprintf(head, "Alexa", "a b", "", "INTERNAL_ERROR")},
		{"an unknown type", fmt.Sprintf(head, "Alexa", "a", "", "NOT_A_TYPE")},
	}
	if err := schema.Validate([]byte(fmt.Sprintf(head, "Alexa", "a", "", "INTERNAL_ERROR"))); err != nil {
		t.Fatalf("a valid ErrorResponse is refused: %v", err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if schema.Validate([]byte(tc.msg)) == nil {
				t.Errorf("Amazon's schema accepted %s", tc.msg)
			}
		})
	}
}

// FuzzSampleErrorResponse is lambdaiface's FuzzErrorResponse held to
// Amazon's schema: seeded from every one of Amazon's samples, the
// ErrorResponse lambdaiface builds for whatever directive the body holds
// (or its readable header) must be valid against the schema and keep the
// project's rules.
func FuzzSampleErrorResponse(f *testing.F) {
	schema := alexatest.Schema(f)
	for i, s := range samples(f) {
		f.Add(s.data, uint8(i), "Home Assistant returned 404")
	}
	f.Fuzz(func(t *testing.T, body []byte, typ uint8, message string) {
		answer := mustMarshal(t, lambdaiface.NewErrorResponse(directiveOf(body), errorTypes[int(typ)%len(errorTypes)], message))
		if err := schema.Validate(answer); err != nil {
			t.Fatalf("not valid against Amazon's schema: %v\n%s", err, answer)
		}
		if err := alexa.CheckShape(answer); err != nil {
			t.Fatalf("%v\n%s", err, answer)
		}
	})
}
