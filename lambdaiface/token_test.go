package lambdaiface_test

import (
	"encoding/json"
	"testing"

	"github.com/lee-engine/lee/lambdaiface"
)

// TestToken checks the order of the token sources and which scopes count.
func TestToken(t *testing.T) {
	bearer := func(tok string) *lambdaiface.Endpoint {
		return &lambdaiface.Endpoint{EndpointID: "e", Scope: &lambdaiface.Scope{Type: "BearerToken", Token: tok}}
	}
	tests := []struct {
		name     string
		d        *lambdaiface.Directive
		wantTok  string
		wantFrom lambdaiface.TokenSource
	}{
		{"nil directive", nil, "", lambdaiface.TokenNone},
		{"nothing", &lambdaiface.Directive{}, "", lambdaiface.TokenNone},
		{"endpoint scope", &lambdaiface.Directive{Endpoint: bearer("t1")}, "t1", lambdaiface.TokenEndpointScope},
		{"endpoint before payload", &lambdaiface.Directive{Endpoint: bearer("t1"), Payload: json.RawMessage(`{"scope":{"type":"BearerToken","token":"t2"}}`)}, "t1", lambdaiface.TokenEndpointScope},
		{"partition scope", &lambdaiface.Directive{Endpoint: &lambdaiface.Endpoint{Scope: &lambdaiface.Scope{Type: "BearerTokenWithPartition", Token: "t1", Partition: "p", UserID: "u"}}}, "t1", lambdaiface.TokenEndpointScope},
		{"empty endpoint token falls through", &lambdaiface.Directive{Endpoint: bearer(""), Payload: json.RawMessage(`{"scope":{"type":"BearerToken","token":"t2"}}`)}, "t2", lambdaiface.TokenPayloadScope},
		{"foreign scope type ignored", &lambdaiface.Directive{Endpoint: &lambdaiface.Endpoint{Scope: &lambdaiface.Scope{Type: "Basic", Token: "t1"}}}, "", lambdaiface.TokenNone},
		{"endpoint without scope", &lambdaiface.Directive{Endpoint: &lambdaiface.Endpoint{EndpointID: "e"}}, "", lambdaiface.TokenNone},
		{"payload scope", &lambdaiface.Directive{Payload: json.RawMessage(`{"scope":{"type":"BearerToken","token":"t2"}}`)}, "t2", lambdaiface.TokenPayloadScope},
		{"payload scope before grantee", &lambdaiface.Directive{Payload: json.RawMessage(`{"grantee":{"type":"BearerToken","token":"t3"},"scope":{"type":"BearerToken","token":"t2"}}`)}, "t2", lambdaiface.TokenPayloadScope},
		{"grantee", &lambdaiface.Directive{Payload: json.RawMessage(`{"grant":{"code":"c"},"grantee":{"type":"BearerToken","token":"t3"}}`)}, "t3", lambdaiface.TokenGrantee},
		{"malformed scope skipped", &lambdaiface.Directive{Payload: json.RawMessage(`{"scope":"x","grantee":{"type":"BearerToken","token":"t3"}}`)}, "t3", lambdaiface.TokenGrantee},
		{"scope token of wrong type", &lambdaiface.Directive{Payload: json.RawMessage(`{"scope":{"type":"BearerToken","token":5}}`)}, "", lambdaiface.TokenNone},
		{"payload not an object", &lambdaiface.Directive{Payload: json.RawMessage(`[1]`)}, "", lambdaiface.TokenNone},
		{"payload invalid JSON", &lambdaiface.Directive{Payload: json.RawMessage(`{"scope":`)}, "", lambdaiface.TokenNone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tok, from := tt.d.Token()
			if tok != tt.wantTok || from != tt.wantFrom {
				t.Errorf("Token = %q, %v; want %q, %v", tok, from, tt.wantTok, tt.wantFrom)
			}
		})
	}
}

// TestIsAcceptGrant checks the AcceptGrant test on its namespace and name.
func TestIsAcceptGrant(t *testing.T) {
	tests := []struct {
		name string
		d    *lambdaiface.Directive
		want bool
	}{
		{"nil", nil, false},
		{"accept grant", &lambdaiface.Directive{Header: lambdaiface.Header{Namespace: "Alexa.Authorization", Name: "AcceptGrant"}}, true},
		{"other authorization", &lambdaiface.Directive{Header: lambdaiface.Header{Namespace: "Alexa.Authorization", Name: "Other"}}, false},
		{"other namespace", &lambdaiface.Directive{Header: lambdaiface.Header{Namespace: "Alexa", Name: "AcceptGrant"}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.IsAcceptGrant(); got != tt.want {
				t.Errorf("IsAcceptGrant = %v; want %v", got, tt.want)
			}
		})
	}
}

// TestEnumStrings checks the names used in logs and metric dimensions.
func TestEnumStrings(t *testing.T) {
	tests := []struct {
		got  interface{ String() string }
		want string
	}{
		{lambdaiface.TokenNone, "none"},
		{lambdaiface.TokenEndpointScope, "endpoint.scope"},
		{lambdaiface.TokenPayloadScope, "payload.scope"},
		{lambdaiface.TokenGrantee, "payload.grantee"},
		{lambdaiface.TokenSource(99), "TokenSource(invalid)"},
		{lambdaiface.KindUnknown, "unknown"},
		{lambdaiface.KindSmartHome, "smart-home"},
		{lambdaiface.KindCustomSkill, "custom-skill"},
		{lambdaiface.KindHTTP, "http"},
		{lambdaiface.KindWarmup, "warmup"},
		{lambdaiface.Kind(-1), "Kind(invalid)"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if s := tt.got.String(); s != tt.want {
				t.Errorf("String = %q; want %q", s, tt.want)
			}
		})
	}
}
