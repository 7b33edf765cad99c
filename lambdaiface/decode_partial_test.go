package lambdaiface

import "testing"

func TestDirectiveErrorKeepsReadableEndpoint(t *testing.T) {
	const head = `{"directive":{"header":{"namespace":"Alexa.PowerController","name":"TurnOn","messageId":"m-1","correlationToken":"c-1","payloadVersion":`
	tests := []struct {
		name, body, wantEndpoint string
	}{
		{"bad payload version", head + `"2"},"endpoint":{"endpointId":"light#kitchen","scope":{"type":"BearerToken","token":"secret-token"}},"payload":{}}}`, "light#kitchen"},
		{"payload of wrong type", head + `"3"},"endpoint":{"endpointId":"switch#fan"},"payload":"x"}}`, "switch#fan"},
		{"endpointId of wrong type", head + `"2"},"endpoint":{"endpointId":7},"payload":{}}}`, ""},
		{"no endpoint", head + `"2"},"payload":{}}}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeDirective([]byte(tt.body))
			de, ok := err.(*DirectiveError)
			if !ok {
				t.Fatalf("DecodeDirective error = %v, want *DirectiveError", err)
			}
			d := de.Directive()
			if d == nil || d.Header.CorrelationToken != "c-1" {
				t.Fatalf("Directive() = %+v, want the readable header", d)
			}
			got := ""
			if d.Endpoint != nil {
				got = d.Endpoint.EndpointID
				if d.Endpoint.Scope != nil {
					t.Fatal("the partial endpoint carries the scope (and its token)")
				}
			}
			if got != tt.wantEndpoint {
				t.Fatalf("endpointId = %q, want %q", got, tt.wantEndpoint)
			}
		})
	}
}

func TestDirectiveErrorWithoutHeaderHasNoDirective(t *testing.T) {
	_, err := DecodeDirective([]byte(`{"directive":{"endpoint":{"endpointId":"a"}}}`))
	de, ok := err.(*DirectiveError)
	if !ok || de.Directive() != nil {
		t.Fatalf("err = %v; Directive() should be nil without a header", err)
	}
}
