package lambdaiface_test

import (
	"encoding/json"
	"testing"

	"github.com/lee-engine/lee/lambdaiface"
)

// TestDecodeCustomSkillRequest checks the members LEE reads from custom
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
			r, err := lambdaiface.DecodeCustomSkillRequest(readTestdata(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if r.Version != "1.0" || r.Request.Type != tt.typ || r.Request.Locale != tt.locale || r.Request.RequestID == "" {
				t.Errorf("decoded %+v", r.Request)
			}
			if got := r.AccessToken(); got != tt.token {
				t.Errorf("AccessToken = %q; want %q", got, tt.token)
			}
		})
	}
}

// TestDecodeCustomSkillRequestErrors checks the bodies that are refused.
func TestDecodeCustomSkillRequestErrors(t *testing.T) {
	for _, body := range []string{``, `[]`, `null`, `{}`, `{"version":"1.0"}`, `{"request":{"type":"LaunchRequest"}}`, `{"version":"1.0","request":"x"}`} {
		t.Run(body, func(t *testing.T) {
			if r, err := lambdaiface.DecodeCustomSkillRequest([]byte(body)); err == nil {
				t.Errorf("DecodeCustomSkillRequest = %+v; want an error", r)
			}
		})
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

// TestHTTPRequest checks decoding of a function URL request and the
// case-blind header lookup.
func TestHTTPRequest(t *testing.T) {
	var r lambdaiface.HTTPRequest
	if err := json.Unmarshal(readTestdata(t, "function-url-healthz.json"), &r); err != nil {
		t.Fatal(err)
	}
	if r.Version != "2.0" || r.RawPath != "/healthz" || r.RawQueryString != "verbose=1" ||
		r.RequestContext.HTTP.Method != "GET" || r.RequestContext.HTTP.Path != "/healthz" ||
		r.RequestContext.RequestID == "" || r.IsBase64Encoded {
		t.Errorf("decoded %+v", r)
	}
	tests := []struct{ name, want string }{
		{"Accept", "application/json"},
		{"accept", "application/json"},
		{"X-Forwarded-For", "198.51.100.7"},
		{"Missing", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := r.Header(tt.name); got != tt.want {
				t.Errorf("Header(%q) = %q; want %q", tt.name, got, tt.want)
			}
		})
	}
	mixed := lambdaiface.HTTPRequest{Headers: map[string]string{"Content-Type": "text/plain"}}
	if got := mixed.Header("content-type"); got != "text/plain" {
		t.Errorf("Header on mixed-case map = %q", got)
	}
	var none *lambdaiface.HTTPRequest
	if got := none.Header("accept"); got != "" {
		t.Errorf("Header on nil request = %q", got)
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

// TestScheduledEvent checks decoding of the EventBridge warm-up event.
func TestScheduledEvent(t *testing.T) {
	var e lambdaiface.ScheduledEvent
	if err := json.Unmarshal(readTestdata(t, "scheduled-event.json"), &e); err != nil {
		t.Fatal(err)
	}
	want := lambdaiface.ScheduledEvent{
		ID: "4e1c9b0a-77d3-4f5e-8a2b-61c0d9e3f812", Source: "aws.events",
		DetailType: "Scheduled Event", Time: "2026-03-14T09:25:00Z",
	}
	if e != want {
		t.Errorf("got %+v\nwant %+v", e, want)
	}
}
