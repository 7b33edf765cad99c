package alexa_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/internal/alexa"
)

// shapeHeader renders an event header.
func shapeHeader(namespace, name string) string {
	return `"header":{"namespace":"` + namespace + `","name":"` + name + `","payloadVersion":"3","messageId":"m-1","correlationToken":"c1"}`
}

const (
	prop    = `{"namespace":"Alexa.PowerController","name":"powerState","value":"ON","timeOfSample":"2026-11-30T07:45:12.25Z","uncertaintyInMilliseconds":0}`
	goodEP  = `{"endpointId":"light#kitchen","capabilities":[{"type":"AlexaInterface","interface":"Alexa","version":"3"}],"friendlyName":"Kitchen","description":"d","manufacturerName":"m","displayCategories":["LIGHT"]}`
	errBody = `"payload":{"type":"ENDPOINT_UNREACHABLE","message":"down"}`
)

func TestCheckShape(t *testing.T) {
	tests := []struct {
		name, msg string
		ok        bool
	}{
		{"response", `{"event":{` + shapeHeader("Alexa", "Response") + `,"endpoint":{"endpointId":"light#kitchen"},"payload":{}},"context":{"properties":[` + prop + `]}}`, true},
		{"error response", `{"event":{` + shapeHeader("Alexa", "ErrorResponse") + `,` + errBody + `}}`, true},
		{"accept grant failed", `{"event":{` + shapeHeader("Alexa.Authorization", "ErrorResponse") + `,"payload":{"type":"ACCEPT_GRANT_FAILED","message":"x"}}}`, true},
		{"discovery", `{"event":{` + shapeHeader("Alexa.Discovery", "Discover.Response") + `,"payload":{"endpoints":[` + goodEP + `]}}}`, true},
		{"empty discovery", `{"event":{` + shapeHeader("Alexa.Discovery", "Discover.Response") + `,"payload":{"endpoints":[]}}}`, true},
		{"scene", `{"event":{` + shapeHeader("Alexa.SceneController", "ActivationStarted") + `,"payload":{"cause":{"type":"VOICE_INTERACTION"},"timestamp":"2026-11-30T07:45:12Z"}}}`, true},
		{"accept grant", `{"event":{` + shapeHeader("Alexa.Authorization", "AcceptGrant.Response") + `,"payload":{}}}`, true},

		{"not JSON", `<html>`, false},
		{"trailing data", `{"event":{` + shapeHeader("Alexa", "Response") + `,"payload":{}}} {}`, false},
		{"no header", `{"event":{"payload":{}}}`, false},
		{"payloadVersion 2", `{"event":{"header":{"namespace":"Alexa","name":"Response","payloadVersion":"2","messageId":"m"},"payload":{}}}`, false},
		{"bad messageId", `{"event":{"header":{"namespace":"Alexa","name":"Response","payloadVersion":"3","messageId":"m 1"},"payload":{}}}`, false},
		{"payload not an object", `{"event":{` + shapeHeader("Alexa", "Response") + `,"payload":[]}}`, false},
		{"bad endpointId", `{"event":{` + shapeHeader("Alexa", "Response") + `,"endpoint":{"endpointId":"a b"},"payload":{}}}`, false},
		{"empty scope token", `{"event":{` + shapeHeader("Alexa", "Response") + `,"endpoint":{"endpointId":"e","scope":{"type":"BearerToken","token":""}},"payload":{}}}`, false},
		{"property without time", `{"event":{` + shapeHeader("Alexa", "Response") + `,"payload":{}},"context":{"properties":[{"namespace":"A","name":"b","value":1,"uncertaintyInMilliseconds":0}]}}`, false},
		{"error type of another namespace", `{"event":{` + shapeHeader("Alexa", "ErrorResponse") + `,"payload":{"type":"ACCEPT_GRANT_FAILED","message":"x"}}}`, false},
		{"error without message", `{"event":{` + shapeHeader("Alexa", "ErrorResponse") + `,"payload":{"type":"INTERNAL_ERROR"}}}`, false},
		{"error with context", `{"event":{` + shapeHeader("Alexa", "ErrorResponse") + `,` + errBody + `},"context":{"properties":[]}}`, false},
		{"discovery without endpoints", `{"event":{` + shapeHeader("Alexa.Discovery", "Discover.Response") + `,"payload":{}}}`, false},
		{"discovered endpoint without capability", `{"event":{` + shapeHeader("Alexa.Discovery", "Discover.Response") + `,"payload":{"endpoints":[` + strings.Replace(goodEP, `"type":"AlexaInterface"`, `"type":"Other"`, 1) + `]}}}`, false},
		{"scene without timestamp", `{"event":{` + shapeHeader("Alexa.SceneController", "ActivationStarted") + `,"payload":{"cause":{"type":"VOICE_INTERACTION"}}}}`, false},
		{"accept grant with payload", `{"event":{` + shapeHeader("Alexa.Authorization", "AcceptGrant.Response") + `,"payload":{"x":1}}}`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := alexa.CheckShape([]byte(tc.msg))
			if tc.ok != (err == nil) || (err != nil && !errors.Is(err, alexa.ErrShape)) {
				t.Errorf("CheckShape = %v; want ok=%v (errors wrapping ErrShape)", err, tc.ok)
			}
		})
	}
}

func TestCheckAnswer(t *testing.T) {
	directive := `{"directive":{"header":{"namespace":"Alexa.PowerController","name":"TurnOn","payloadVersion":"3","messageId":"d1","correlationToken":"c1"},` +
		`"endpoint":{"endpointId":"light#kitchen","cookie":{"room":"kitchen"},"scope":{"type":"BearerToken","token":"t"}},"payload":{}}}`
	errorFor := func(endpoint string) string {
		return `{"event":{` + shapeHeader("Alexa", "ErrorResponse") + `,` + endpoint + errBody + `}}`
	}
	tests := []struct {
		name, answer string
		ok           bool
	}{
		{"response", `{"event":{` + shapeHeader("Alexa", "Response") + `,"endpoint":{"endpointId":"light#kitchen"},"payload":{}}}`, true},
		{"error keeping the cookie", errorFor(`"endpoint":{"endpointId":"light#kitchen","cookie":{"room":"kitchen"}},`), true},
		{"error without endpoint", errorFor(""), true},
		{"error losing the cookie", errorFor(`"endpoint":{"endpointId":"light#kitchen"},`), false},
		{"other endpoint", errorFor(`"endpoint":{"endpointId":"light#hall","cookie":{"room":"kitchen"}},`), false},
		{"other correlationToken", `{"event":{"header":{"namespace":"Alexa","name":"Response","payloadVersion":"3","messageId":"m","correlationToken":"c2"},"payload":{}}}`, false},
		{"malformed", `{"event":{}}`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := alexa.CheckAnswer([]byte(directive), []byte(tc.answer)); tc.ok != (err == nil) {
				t.Errorf("CheckAnswer = %v; want ok=%v", err, tc.ok)
			}
		})
	}
}
