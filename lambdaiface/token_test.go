package lambdaiface_test

import (
	"testing"

	"github.com/lee-engine/lee/lambdaiface"
)

// TestToken checks each token place on decoded events and which scopes
// count: the place is named by the caller, so a token elsewhere in the
// event is never taken instead.
func TestToken(t *testing.T) {
	const hdr = `"header":{"namespace":"N","name":"D","payloadVersion":"3","messageId":"m"}`
	scope := func(typ, tok string) string { return `{"type":"` + typ + `","token":"` + tok + `"}` }
	tests := []struct {
		name string
		body string
		src  lambdaiface.TokenSource
		want string
	}{
		{"endpoint scope", `{"directive":{` + hdr + `,"endpoint":{"endpointId":"e","scope":` + scope("BearerToken", "t1") + `}}}`, lambdaiface.TokenEndpointScope, "t1"},
		{"partition scope", `{"directive":{` + hdr + `,"endpoint":{"endpointId":"e","scope":{"type":"BearerTokenWithPartition","token":"t1","partition":"p","userId":"u"}}}}`, lambdaiface.TokenEndpointScope, "t1"},
		{"foreign scope type", `{"directive":{` + hdr + `,"endpoint":{"endpointId":"e","scope":` + scope("Basic", "t1") + `}}}`, lambdaiface.TokenEndpointScope, ""},
		{"endpoint without scope", `{"directive":{` + hdr + `,"endpoint":{"endpointId":"e"}}}`, lambdaiface.TokenEndpointScope, ""},
		{"no endpoint", `{"directive":{` + hdr + `}}`, lambdaiface.TokenEndpointScope, ""},
		{"payload scope is not the endpoint's", `{"directive":{` + hdr + `,"payload":{"scope":` + scope("BearerToken", "t2") + `}}}`, lambdaiface.TokenEndpointScope, ""},
		{"payload scope", `{"directive":{` + hdr + `,"payload":{"scope":` + scope("BearerToken", "t2") + `}}}`, lambdaiface.TokenPayloadScope, "t2"},
		{"endpoint scope is not the payload's", `{"directive":{` + hdr + `,"endpoint":{"endpointId":"e","scope":` + scope("BearerToken", "t1") + `}}}`, lambdaiface.TokenPayloadScope, ""},
		{"grantee", `{"directive":{` + hdr + `,"payload":{"grant":{"code":"c"},"grantee":` + scope("BearerToken", "t3") + `}}}`, lambdaiface.TokenGrantee, "t3"},
		{"malformed scope holds no token", `{"directive":{` + hdr + `,"payload":{"scope":"x","grantee":` + scope("BearerToken", "t3") + `}}}`, lambdaiface.TokenPayloadScope, ""},
		{"grantee beside a malformed scope", `{"directive":{` + hdr + `,"payload":{"scope":"x","grantee":` + scope("BearerToken", "t3") + `}}}`, lambdaiface.TokenGrantee, "t3"},
		{"scope token of wrong type", `{"directive":{` + hdr + `,"payload":{"scope":{"type":"BearerToken","token":5}}}}`, lambdaiface.TokenPayloadScope, ""},
		{"skill context user", `{"version":"1.0","context":{"System":{"user":{"accessToken":"s1"}}},"session":{"user":{"accessToken":"s2"}},"request":{"type":"LaunchRequest"}}`, lambdaiface.TokenSkillUser, "s1"},
		{"skill session user", `{"version":"1.0","session":{"user":{"accessToken":"s2"}},"request":{"type":"LaunchRequest"}}`, lambdaiface.TokenSkillUser, "s2"},
		{"skill not linked", `{"version":"1.0","request":{"type":"LaunchRequest"}}`, lambdaiface.TokenSkillUser, ""},
		{"skill user is not a directive place", `{"version":"1.0","context":{"System":{"user":{"accessToken":"s1"}}},"request":{"type":"LaunchRequest"}}`, lambdaiface.TokenEndpointScope, ""},
		{"none", `{"directive":{` + hdr + `,"endpoint":{"endpointId":"e","scope":` + scope("BearerToken", "t1") + `}}}`, lambdaiface.TokenNone, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, err := lambdaiface.Decode([]byte(tt.body))
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if got := in.Token(tt.src); got != tt.want {
				t.Errorf("Token(%v) = %q; want %q", tt.src, got, tt.want)
			}
		})
	}
	var nilInput *lambdaiface.Input
	if got := nilInput.Token(lambdaiface.TokenEndpointScope); got != "" {
		t.Errorf("nil Input: Token = %q", got)
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
		{lambdaiface.TokenSkillUser, "user.accessToken"},
		{lambdaiface.TokenSource(99), "TokenSource(invalid)"},
		{lambdaiface.KindUnknown, "unknown"},
		{lambdaiface.KindSmartHome, "smart-home"},
		{lambdaiface.KindCustomSkill, "custom-skill"},
		{lambdaiface.KindHTTP, "http"},
		{lambdaiface.KindWarmup, "warmup"},
		{lambdaiface.Kind(200), "Kind(invalid)"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if s := tt.got.String(); s != tt.want {
				t.Errorf("String = %q; want %q", s, tt.want)
			}
		})
	}
}
