package lambdaiface_test

import (
	"strings"
	"testing"

	"github.com/lee-engine/lee/lambdaiface"
)

// TestDecodeCustomSkillRequest checks the members Decode reads from custom
// skill requests and the token preference.
func TestDecodeCustomSkillRequest(t *testing.T) {
	tests := []struct {
		file, typ, locale, token string
	}{
		{"custom-skill-intent.json", "IntentRequest", "en-GB", "context-token"},
		{"custom-skill-launch.json", "LaunchRequest", "de-DE", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			in, err := lambdaiface.Decode(readTestdata(t, tt.file))
			if err != nil || in.Kind != lambdaiface.KindCustomSkill {
				t.Fatalf("Decode = %+v, %v", in, err)
			}
			r := in.Skill
			if r.Version != "1.0" || r.Request.Type != tt.typ || r.Request.Locale != tt.locale || r.Request.RequestID == "" {
				t.Errorf("decoded %+v", r.Request)
			}
			if got := r.AccessToken(); got != tt.token {
				t.Errorf("AccessToken = %q; want %q", got, tt.token)
			}
		})
	}
}

// TestDecodeCustomSkillRequestErrors checks the bodies that are not custom
// skill requests, and the request whose members have the wrong types.
func TestDecodeCustomSkillRequestErrors(t *testing.T) {
	for _, body := range []string{`{}`, `{"version":"1.0"}`, `{"request":{"type":"LaunchRequest"}}`, `{"version":"1.0","request":"x"}`, `{"version":"1.0","request":{"type":""}}`} {
		t.Run(body, func(t *testing.T) {
			if in, err := lambdaiface.Decode([]byte(body)); err != nil || in.Kind == lambdaiface.KindCustomSkill {
				t.Errorf("Decode = %+v, %v; want a kind other than custom skill", in, err)
			}
		})
	}
	const bad = `{"version":"1.0","request":{"type":"IntentRequest"},"context":{"System":{"user":{"accessToken":5}}}}`
	in, err := lambdaiface.Decode([]byte(bad))
	if err == nil || in == nil || in.Kind != lambdaiface.KindCustomSkill || !strings.Contains(err.Error(), "context.System.user.accessToken") {
		t.Errorf("Decode(token a number) = %+v, %v; want a custom skill and an error naming the member", in, err)
	}
}

// TestAccessToken checks the order context.System.user then session.user.
func TestAccessToken(t *testing.T) {
	user := func(tok string) *lambdaiface.SkillUser { return &lambdaiface.SkillUser{AccessToken: tok} }
	tests := []struct {
		name string
		r    *lambdaiface.CustomSkillRequest
		want string
	}{
		{"nil", nil, ""},
		{"none", &lambdaiface.CustomSkillRequest{}, ""},
		{"session only", &lambdaiface.CustomSkillRequest{Session: &lambdaiface.Session{User: user("s")}}, "s"},
		{"context only", &lambdaiface.CustomSkillRequest{Context: &lambdaiface.SkillContext{System: lambdaiface.SkillSystem{User: user("c")}}}, "c"},
		{"context first", &lambdaiface.CustomSkillRequest{Session: &lambdaiface.Session{User: user("s")}, Context: &lambdaiface.SkillContext{System: lambdaiface.SkillSystem{User: user("c")}}}, "c"},
		{"empty context token", &lambdaiface.CustomSkillRequest{Session: &lambdaiface.Session{User: user("s")}, Context: &lambdaiface.SkillContext{System: lambdaiface.SkillSystem{User: user("")}}}, "s"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.AccessToken(); got != tt.want {
				t.Errorf("AccessToken = %q; want %q", got, tt.want)
			}
		})
	}
}

// TestNewSpeechResponse checks the exact JSON of a spoken apology.
func TestNewSpeechResponse(t *testing.T) {
	got := mustMarshal(t, lambdaiface.NewSpeechResponse("Sorry, Home Assistant is not answering."))
	want := `{"version":"1.0","response":{"outputSpeech":{"type":"PlainText","text":"Sorry, Home Assistant is not answering."},"shouldEndSession":true}}`
	if !jsonEqual(t, got, []byte(want)) {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

// TestHTTPRequest checks what Decode reads of a function URL request.
func TestHTTPRequest(t *testing.T) {
	in, err := lambdaiface.Decode(readTestdata(t, "function-url-healthz.json"))
	if err != nil || in.Kind != lambdaiface.KindHTTP {
		t.Fatalf("Decode = %+v, %v", in, err)
	}
	r := in.HTTP
	if r.Version != "2.0" || r.RawPath != "/healthz" ||
		r.RequestContext.HTTP.Method != "GET" || r.RequestContext.HTTP.Path != "/healthz" ||
		r.RequestContext.RequestID == "" {
		t.Errorf("decoded %+v", r)
	}
}

// TestHTTPResponse checks the exact JSON AWS expects.
func TestHTTPResponse(t *testing.T) {
	got := mustMarshal(t, lambdaiface.HTTPResponse{StatusCode: 404, Body: "not found"})
	want := `{"statusCode":404,"body":"not found","isBase64Encoded":false}`
	if string(got) != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}
