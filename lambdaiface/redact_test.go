package lambdaiface_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/lee-engine/lee/lambdaiface"
)

// TestSecretsNotPrinted checks that fmt and log/slog never show a token
// held by the package's types, whether printed directly, by pointer or
// nested.
func TestSecretsNotPrinted(t *testing.T) {
	d, err := decodeDirective(fixture(t, turnOnDirective))
	if err != nil {
		t.Fatal(err)
	}
	disc, err := decodeDirective(fixture(t, discoveryDirective))
	if err != nil {
		t.Fatal(err)
	}
	skillIn, err := lambdaiface.Decode(readTestdata(t, "custom-skill-intent.json"))
	if err != nil {
		t.Fatal(err)
	}
	skill := skillIn.Skill
	httpIn, err := lambdaiface.Decode(readTestdata(t, "function-url-healthz.json"))
	if err != nil {
		t.Fatal(err)
	}
	httpReq := *httpIn.HTTP
	var response lambdaiface.Response
	if err := json.Unmarshal(fixture(t, turnOnAnswer), &response); err != nil {
		t.Fatal(err)
	}
	secrets := []string{fixtureToken, "access-token-from-Amazon", "context-token", "session-token", "should-never-be-logged"}
	values := map[string]any{
		"directive": d, "directive value": *d, "discovery": *disc, "discovery payload": disc.Payload, "payload scope": *disc.Payload.Scope,
		"endpoint": d.Endpoint, "endpoint value": *d.Endpoint, "scope": *d.Endpoint.Scope,
		"skill request": skill, "skill request value": *skill, "session": *skill.Session,
		"skill context": skill.Context, "skill system": skill.Context.System,
		"http request": httpReq, "http request pointer": &httpReq,
		"response": response, "response pointer": &response, "event": response.Event,
	}
	for name, v := range values {
		t.Run(name, func(t *testing.T) {
			var out strings.Builder
			for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
				fmt.Fprintf(&out, verb+"\n", v)
			}
			var logs bytes.Buffer
			slog.New(slog.NewJSONHandler(&logs, nil)).Info("m", "v", v)
			slog.New(slog.NewTextHandler(&logs, nil)).Info("m", "v", v)
			all := out.String() + logs.String()
			for _, s := range secrets {
				if strings.Contains(all, s) {
					t.Fatalf("output shows secret %q:\n%s", s, all)
				}
			}
		})
	}
}

// TestRedactedOutputsIdentify checks that the redacted forms still say
// what the value is, so logs stay useful.
func TestRedactedOutputsIdentify(t *testing.T) {
	d, err := decodeDirective(fixture(t, turnOnDirective))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ got, want string }{
		{d.String(), "Alexa.PowerController.TurnOn messageId=1ee0f1c5-0001-4a6e-9001-5c0ffee00007 endpointId=light#kitchen"},
		{d.Endpoint.Scope.String(), "Scope{Type:BearerToken Token:[redacted]}"},
		{lambdaiface.Scope{Type: "BearerToken"}.String(), "Scope{Type:BearerToken Token:}"},
		{lambdaiface.SkillUser{UserID: "u", AccessToken: "x"}.String(), "SkillUser{UserID:u AccessToken:[redacted]}"},
		{lambdaiface.HTTPRequest{RequestContext: lambdaiface.HTTPRequestContext{HTTP: lambdaiface.HTTPDetails{Method: "GET", Path: "/healthz"}}}.String(), "GET /healthz"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q; want %q", tt.got, tt.want)
			}
		})
	}
}
