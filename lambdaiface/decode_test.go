package lambdaiface_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/lee-engine/lee/lambdaiface"
)

// TestDecodeDirectiveErrors checks that each malformed body is refused with
// the member at fault, and that the header is returned whenever it could be
// read.
func TestDecodeDirectiveErrors(t *testing.T) {
	const hdr = `"namespace":"Alexa.PowerController","name":"TurnOn","messageId":"m1","correlationToken":"ct"`
	tests := []struct {
		name, body, field string
		wantHeader        bool
	}{
		{"directive without header", `{"directive":{"payload":{}}}`, "directive.header", false},
		{"header a string", `{"directive":{"header":"x"}}`, "directive.header", false},
		{"header a number", `{"directive":{"header":3}}`, "directive.header", false},
		{"namespace a number", `{"directive":{"header":{"namespace":5,"name":"TurnOn","payloadVersion":"3","messageId":"m","correlationToken":"ct"}}}`, "directive.header.namespace", true},
		{"payloadVersion a number", `{"directive":{"header":{` + hdr + `,"payloadVersion":3}}}`, "directive.header.payloadVersion", true},
		{"name an object", `{"directive":{"header":{"namespace":"A","name":{},"payloadVersion":"3","messageId":"m"}}}`, "directive.header.name", true},
		{"missing namespace", `{"directive":{"header":{"name":"TurnOn","payloadVersion":"3","messageId":"m","correlationToken":"ct"}}}`, "directive.header.namespace", true},
		{"missing name", `{"directive":{"header":{"namespace":"Alexa","payloadVersion":"3","messageId":"m","correlationToken":"ct"}}}`, "directive.header.name", true},
		{"missing messageId", `{"directive":{"header":{"namespace":"Alexa","name":"TurnOn","payloadVersion":"3"}}}`, "directive.header.messageId", true},
		{"missing payloadVersion", `{"directive":{"header":{` + hdr + `}}}`, "directive.header.payloadVersion", true},
		{"payloadVersion 2", `{"directive":{"header":{` + hdr + `,"payloadVersion":"2"}}}`, "directive.header.payloadVersion", true},
		{"endpoint a string", `{"directive":{"header":{` + hdr + `,"payloadVersion":"3"},"endpoint":"e"}}`, "directive.endpoint", true},
		{"endpointId a number", `{"directive":{"header":{` + hdr + `,"payloadVersion":"3"},"endpoint":{"endpointId":7}}}`, "directive.endpoint.endpointId", true},
		{"scope token a number", `{"directive":{"header":{` + hdr + `,"payloadVersion":"3"},"endpoint":{"endpointId":"e","scope":{"type":"BearerToken","token":1}}}}`, "directive.endpoint.scope.token", true},
		{"cookie a list", `{"directive":{"header":{` + hdr + `,"payloadVersion":"3"},"endpoint":{"endpointId":"e","cookie":[]}}}`, "directive.endpoint.cookie", true},
		{"payload a string", `{"directive":{"header":{` + hdr + `,"payloadVersion":"3"},"payload":"p"}}`, "directive.payload", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := decodeDirective([]byte(tt.body))
			var de *lambdaiface.DirectiveError
			if !errors.As(err, &de) {
				t.Fatalf("DecodeDirective = %v, %v; want a *DirectiveError", d, err)
			}
			if d != nil {
				t.Error("a directive was returned with the error")
			}
			if de.Field != tt.field {
				t.Errorf("Field = %q; want %q (error: %v)", de.Field, tt.field, err)
			}
			if tt.field != "" && !strings.Contains(err.Error(), tt.field) {
				t.Errorf("error %q does not name %q", err, tt.field)
			}
			if (de.Header != nil) != tt.wantHeader {
				t.Fatalf("Header = %+v; want present=%v", de.Header, tt.wantHeader)
			}
			if tt.wantHeader && strings.Contains(tt.body, `"ct"`) && de.Header.CorrelationToken != "ct" {
				t.Errorf("Header.CorrelationToken = %q; want %q", de.Header.CorrelationToken, "ct")
			}
		})
	}
}

// TestDecodeDirectiveErrorHidesValues checks that an error never quotes the
// body, which holds the user's token.
func TestDecodeDirectiveErrorHidesValues(t *testing.T) {
	const secret = "secret-token-value"
	bodies := []string{
		`{"directive":{"header":{"namespace":"A","name":"B","payloadVersion":"2","messageId":"m"},"endpoint":{"endpointId":"e","scope":{"type":"BearerToken","token":"` + secret + `"}}}}`,
		`{"directive":{"header":{"namespace":"A","name":"B","payloadVersion":"3","messageId":"m"},"payload":{"scope":{"token":"` + secret + `"}},"endpoint":"` + secret + `"}}`,
		`{"directive":"` + secret + `"}`,
		`{"directive":{"header":{"namespace":"` + secret + `"`,
	}
	for i, body := range bodies {
		_, err := decodeDirective([]byte(body))
		if err == nil {
			t.Fatalf("body %d: no error", i)
		}
		if strings.Contains(err.Error(), secret) {
			t.Errorf("body %d: error quotes the token: %v", i, err)
		}
	}
}

// TestDecodeDirectiveAccepts checks directives that are unusual but valid.
func TestDecodeDirectiveAccepts(t *testing.T) {
	const hdr = `"header":{"namespace":"Alexa","name":"ReportState","payloadVersion":"3","messageId":"m"}`
	tests := []struct {
		name, body string
		endpoint   bool
		payload    bool
	}{
		{"no payload", `{"directive":{` + hdr + `}}`, false, false},
		{"null payload and endpoint", `{"directive":{` + hdr + `,"payload":null,"endpoint":null}}`, false, false},
		{"payload members other than tokens ignored", `{"directive":{` + hdr + `,"payload":{"x": [1, 2]}}}`, false, true},
		{"malformed token place ignored", `{"directive":{` + hdr + `,"payload":{"scope": [1, 2]}}}`, false, true},
		{"endpoint without scope", `{"directive":{` + hdr + `,"endpoint":{"endpointId":"e"}}}`, true, false},
		{"extra members ignored", `{"other":1,"directive":{"extra":true,` + hdr + `}}`, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := decodeDirective([]byte(tt.body))
			if err != nil {
				t.Fatalf("DecodeDirective: %v", err)
			}
			if (d.Endpoint != nil) != tt.endpoint || (d.Payload != nil) != tt.payload {
				t.Errorf("got endpoint %v, payload %v; want endpoint=%v payload=%v", d.Endpoint, d.Payload, tt.endpoint, tt.payload)
			}
			if d.Header.Name != "ReportState" {
				t.Errorf("header name = %q", d.Header.Name)
			}
		})
	}
}
