package lambdaiface_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/lee-engine/lee/lambdaiface"
)

// readTestdata reads a file of testdata/.
func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestDecodeKind checks each kind, the near misses that must stay unknown
// and the inputs that are not a JSON object.
func TestDecodeKind(t *testing.T) {
	deep := func(depth int) string {
		return `{"directive":{"header":{},"payload":` + strings.Repeat("[", depth) + strings.Repeat("]", depth) + `}}`
	}
	tests := []struct {
		name    string
		body    string
		want    lambdaiface.Kind
		wantErr bool
	}{
		{"smart home", string(fixture(t, turnOnDirective)), lambdaiface.KindSmartHome, false},
		{"smart home minimal", `{"directive":{}}`, lambdaiface.KindSmartHome, false},
		{"custom skill intent", string(readTestdata(t, "custom-skill-intent.json")), lambdaiface.KindCustomSkill, false},
		{"custom skill launch", string(readTestdata(t, "custom-skill-launch.json")), lambdaiface.KindCustomSkill, false},
		{"function URL", string(readTestdata(t, "function-url-healthz.json")), lambdaiface.KindHTTP, false},
		{"scheduled event", string(readTestdata(t, "scheduled-event.json")), lambdaiface.KindWarmup, false},
		{"warmup ping", `{"warmup": true}`, lambdaiface.KindWarmup, false},
		{"deeply nested directive", deep(5000), lambdaiface.KindSmartHome, false},
		{"empty object", `{}`, lambdaiface.KindUnknown, false},
		{"Alexa response", string(fixture(t, turnOnAnswer)), lambdaiface.KindUnknown, false},
		{"directive not an object", `{"directive":"x"}`, lambdaiface.KindUnknown, false},
		{"directive an array", `{"directive":[]}`, lambdaiface.KindUnknown, false},
		{"directive null", `{"directive":null}`, lambdaiface.KindUnknown, false},
		{"request without type", `{"version":"1.0","request":{"requestId":"r"}}`, lambdaiface.KindUnknown, false},
		{"request with empty type", `{"version":"1.0","request":{"type":""}}`, lambdaiface.KindUnknown, false},
		{"request without version", `{"request":{"type":"LaunchRequest"}}`, lambdaiface.KindUnknown, false},
		{"request version a number", `{"version":1,"request":{"type":"LaunchRequest"}}`, lambdaiface.KindUnknown, false},
		{"HTTP payload 1.0", `{"version":"1.0","requestContext":{"http":{}}}`, lambdaiface.KindUnknown, false},
		{"HTTP without http", `{"version":"2.0","requestContext":{"stage":"x"}}`, lambdaiface.KindUnknown, false},
		{"other EventBridge event", `{"source":"aws.events","detail-type":"Object Created"}`, lambdaiface.KindUnknown, false},
		{"other source", `{"source":"aws.s3","detail-type":"Scheduled Event"}`, lambdaiface.KindUnknown, false},
		{"warmup false", `{"warmup": false}`, lambdaiface.KindUnknown, false},
		{"warmup string", `{"warmup": "true"}`, lambdaiface.KindUnknown, false},
		{"empty", ``, lambdaiface.KindUnknown, true},
		{"invalid JSON", `{"directive":{`, lambdaiface.KindUnknown, true},
		{"trailing garbage", `{} {}`, lambdaiface.KindUnknown, true},
		{"array", `[{"directive":{}}]`, lambdaiface.KindUnknown, true},
		{"null", `null`, lambdaiface.KindUnknown, true},
		{"number", `42`, lambdaiface.KindUnknown, true},
		{"string", `"directive"`, lambdaiface.KindUnknown, true},
		{"nesting past the decoder limit", deep(20000), lambdaiface.KindUnknown, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, err := lambdaiface.Decode([]byte(tt.body))
			if tt.wantErr {
				if !errors.Is(err, lambdaiface.ErrNotObject) || in != nil {
					t.Errorf("Decode = %+v, %v; want ErrNotObject", in, err)
				}
				return
			}
			if in == nil || in.Kind != tt.want {
				t.Fatalf("Decode = %+v, %v; want kind %v", in, err, tt.want)
			}
			if string(in.Raw) != tt.body {
				t.Error("Raw is not the event as given")
			}
		})
	}
}

// TestIsAlexaMessage checks the test LEE applies to Home Assistant's
// answers.
func TestIsAlexaMessage(t *testing.T) {
	tests := []struct {
		name string
		body string
		want bool
	}{
		{"error response", `{"event":{"header":{"namespace":"Alexa","name":"ErrorResponse","payloadVersion":"3","messageId":"m"},"payload":{}}}`, true},
		{"large payload", `{"event":{"payload":{"endpoints":[` + strings.Repeat(`{"endpointId":"e"},`, 5000) + `{}]},"header":{"namespace":"Alexa.Discovery","name":"Discover.Response","payloadVersion":"3"}}}`, true},
		{"HTML login page", `<!DOCTYPE html><html><body>Login</body></html>`, false},
		{"truncated", `{"event":{"header":{"namespace":"Alexa","name":"Response","payloadVersion":"3"},"payload":{`, false},
		{"empty", ``, false},
		{"array", `[]`, false},
		{"directive", `{"directive":{"header":{"namespace":"Alexa","name":"ReportState","payloadVersion":"3"}}}`, false},
		{"payloadVersion 2", `{"event":{"header":{"namespace":"Alexa","name":"Response","payloadVersion":"2"}}}`, false},
		{"payloadVersion a number", `{"event":{"header":{"namespace":"Alexa","name":"Response","payloadVersion":3}}}`, false},
		{"namespace a number", `{"event":{"header":{"namespace":1,"name":"Response","payloadVersion":"3"}}}`, false},
		{"missing name", `{"event":{"header":{"namespace":"Alexa","payloadVersion":"3"}}}`, false},
		{"header a string", `{"event":{"header":"h"}}`, false},
		{"event null", `{"event":null}`, false},
		{"Home Assistant JSON error", `{"message":"Integration alexa not found"}`, false},
		{"valid JSON, not UTF-8 in the payload", `{"event":{"header":{"namespace":"Alexa","name":"Response","payloadVersion":"3"},"payload":{"name":"K` + "\xfc" + `che"}}}`, false},
		{"valid JSON, a lone continuation byte", `{"event":{"header":{"namespace":"Alexa","name":"Response","payloadVersion":"3"},"payload":{"x":"` + "\x80" + `"}}}`, false},
		{"UTF-8 outside ASCII", `{"event":{"header":{"namespace":"Alexa","name":"Response","payloadVersion":"3"},"payload":{"name":"Küche 台所"}}}`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lambdaiface.IsAlexaMessage([]byte(tt.body)); got != tt.want {
				t.Errorf("IsAlexaMessage = %v; want %v", got, tt.want)
			}
		})
	}
}
