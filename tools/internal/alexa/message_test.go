package alexa_test

import (
	"encoding/json"
	"testing"

	"github.com/lee-engine/lee/tools/internal/alexa"
)

func TestMessageDecodes(t *testing.T) {
	tests := []struct {
		name string
		body string
		want alexa.Message
	}{
		{"error response",
			`{"event":{"header":{"namespace":"Alexa","name":"ErrorResponse","messageId":"m"},"payload":{"type":"ENDPOINT_UNREACHABLE","message":"down"}}}`,
			message("Alexa", "ErrorResponse", "ENDPOINT_UNREACHABLE", "down")},
		{"discovery answer", `{"event":{"header":{"namespace":"Alexa.Discovery","name":"Discover.Response"},"payload":{"endpoints":[]}}}`,
			message("Alexa.Discovery", "Discover.Response", "", "")},
		{"no event", `{"directive":{}}`, alexa.Message{}},
		{"null event", `{"event":null}`, alexa.Message{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got alexa.Message
			if err := json.Unmarshal([]byte(tc.body), &got); err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("decoded %+v, want %+v", got, tc.want)
			}
		})
	}
}

func message(namespace, name, errType, errMessage string) alexa.Message {
	var m alexa.Message
	m.Event.Header = alexa.Header{Namespace: namespace, Name: name}
	m.Event.Payload = alexa.ErrorPayload{Type: errType, Message: errMessage}
	return m
}
