package lambdaiface

import (
	"encoding/json"
	"math/rand/v2"
	"testing"

	"pgregory.net/rapid"
)

// checkPayloadToken fails unless the scanner, whenever it answers, finds
// the token encoding/json finds in payload.
func checkPayloadToken(t fataler, payload []byte) (fast bool) {
	t.Helper()
	wantTok, wantSrc := payloadTokenChecked(payload)
	tok, src, sure := payloadTokenFast(payload)
	if sure && (tok != wantTok || src != wantSrc) {
		t.Fatalf("scanner finds %q, %v in %q; encoding/json finds %q, %v", tok, src, payload, wantTok, wantSrc)
	}
	return sure
}

// checkAlexaHeader fails unless the scanner, whenever it answers, judges
// the header as encoding/json does.
func checkAlexaHeader(t fataler, header []byte) (fast bool) {
	t.Helper()
	want := alexaHeaderChecked(header)
	got, sure := alexaHeaderFast(header)
	if sure && got != want {
		t.Fatalf("scanner judges header %q %v; encoding/json %v", header, got, want)
	}
	return sure
}

// TestScannedFieldsAgree checks payloads and answer headers where the
// scanner and encoding/json could disagree, and which the scanner answers.
func TestScannedFieldsAgree(t *testing.T) {
	tests := []struct {
		name, payload, header string
		fast                  bool
	}{
		{"plain", `{"scope":{"type":"BearerToken","token":"t"}}`, `{"namespace":"Alexa","name":"Response","payloadVersion":"3"}`, true},
		{"letter case", `{"SCOPE":{"Type":"BearerToken","TOKEN":"t"}}`, `{"NameSpace":"Alexa","NAME":"Response","payloadversion":"3"}`, true},
		{"escaped values", `{"grantee":{"type":"Bearer\u0054oken","token":"t\"q"}}`, `{"namespace":"Ale\u0078a","name":"R","payloadVersion":"\u0033"}`, true},
		{"nulls", `{"scope":null,"grantee":{"type":"BearerToken","token":"t","partition":null}}`, `{"namespace":"A","name":null,"payloadVersion":"3"}`, true},
		{"wrong types", `{"scope":{"type":"BearerToken","token":"t","userId":5}}`, `{"namespace":"A","name":"B","payloadVersion":3}`, true},
		{"invalid UTF-8", "{\"scope\":{\"type\":\"BearerToken\",\"token\":\"\xff\"}}", "{\"namespace\":\"\xff\",\"name\":\"B\",\"payloadVersion\":\"3\"}", true},
		{"repeated", `{"scope":{"type":"BearerToken","token":"a","token":"b"}}`, `{"namespace":"A","name":"B","payloadVersion":"2","payloadVersion":"3"}`, false},
		{"escaped name", `{"sc\u006fpe":{"type":"BearerToken","token":"t"}}`, `{"n\u0061me":"B","namespace":"A","payloadVersion":"3"}`, false},
		{"kelvin sign", `{"scope":{"type":"BearerToken","to\u212aen":"t"}}`, `{"namespace":"A","name":"B","payloadVersion":"3","\u212a":1}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if fast := checkPayloadToken(t, []byte(tt.payload)); fast != tt.fast {
				t.Errorf("scanner answered for the payload = %v; want %v", fast, tt.fast)
			}
			if fast := checkAlexaHeader(t, []byte(tt.header)); fast != tt.fast {
				t.Errorf("scanner answered for the header = %v; want %v", fast, tt.fast)
			}
		})
	}
}

// TestScannedFieldsProperty checks over generated payloads and answer
// headers that the scanner answers only as encoding/json does.
func TestScannedFieldsProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := oddGen{
			rng:  rand.New(rand.NewPCG(rapid.Uint64().Draw(t, "seed"), 0)),
			calm: rapid.SampledFrom([]int{3, 10, 40}).Draw(t, "calm"),
		}
		scope := func() string {
			return g.object(scopeFields[:], []string{g.text("BearerToken"), g.text("tok"), g.text("p"), g.text("u")})
		}
		payload := g.object(payloadTokenFields[:], []string{g.optional(scope()), g.optional(scope())})
		checkPayloadToken(t, []byte(payload))
		header := g.object(alexaHeaderFields[:], []string{g.text("Alexa"), g.text("Response"), g.text("3")})
		checkAlexaHeader(t, []byte(header))
	})
}

// FuzzScannedFields checks the scanner against encoding/json on any
// payload or header text.
func FuzzScannedFields(f *testing.F) {
	for _, s := range []string{`{"scope":{"type":"BearerToken","token":"t"}}`, `{"namespace":"A","name":"B","payloadVersion":"3"}`, `{"grantee":{"TYPE":"BearerToken","token":"\u0074"}}`, `{}`, `[]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		checkPayloadToken(t, body)
		if isObject(body) && json.Valid(body) { // IsAlexaMessage checks validity first
			checkAlexaHeader(t, body)
		}
	})
}
