package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/lee-engine/lee/gateway"
)

// Tokens of the custom-skill requests the tests build.
const (
	skillContextToken = "skill-context-token-5e6f"
	skillSessionToken = "skill-session-token-7a8b"
)

// skillEvent is an Alexa custom-skill IntentRequest carrying the given
// tokens in context.System.user and session.user ("" leaves one out).
func skillEvent(tb testing.TB, contextToken, sessionToken string) []byte {
	tb.Helper()
	user := func(tok string) map[string]any {
		u := map[string]any{"userId": "amzn1.ask.account.TEST"}
		if tok != "" {
			u["accessToken"] = tok
		}
		return u
	}
	event := map[string]any{
		"version": "1.0",
		"session": map[string]any{
			"new": true, "sessionId": "amzn1.echo-api.session.TEST",
			"application": map[string]any{"applicationId": "amzn1.ask.skill.TEST"},
			"user":        user(sessionToken),
		},
		"context": map[string]any{"System": map[string]any{
			"application": map[string]any{"applicationId": "amzn1.ask.skill.TEST"},
			"user":        user(contextToken),
			"device":      map[string]any{"deviceId": "amzn1.ask.device.TEST"},
			"apiEndpoint": "https://api.amazonalexa.com",
		}},
		"request": map[string]any{
			"type": "IntentRequest", "requestId": "amzn1.echo-api.request.TEST-1",
			"timestamp": "2026-11-30T06:00:00Z", "locale": "en-US",
			"intent": map[string]any{"name": "LightsIntent"},
		},
	}
	b, err := json.Marshal(event)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// skillAnswer is what Home Assistant's /api/alexa answers to an intent.
var skillAnswer = []byte(`{"version":"1.0","response":{"outputSpeech":{"type":"PlainText","text":"The lights are on."},"shouldEndSession":true}}`)

// TestCustomSkillRelay: a custom-skill request goes unchanged to
// /api/alexa with the linked account's token, preferring
// context.System.user, then session.user, then the fallback, and Home
// Assistant's answer comes back byte for byte.
func TestCustomSkillRelay(t *testing.T) {
	tests := []struct {
		name                       string
		contextToken, sessionToken string
		fallback                   string
		wantAuthToken              string
	}{
		{"context token", skillContextToken, skillSessionToken, fallbackToken, skillContextToken},
		{"session token only", "", skillSessionToken, fallbackToken, skillSessionToken},
		{"no token, fallback configured", "", "", fallbackToken, fallbackToken},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ha := startHA(t, respond(http.StatusOK, "application/json", skillAnswer))
			cfg := baseConfig(ha.URL())
			cfg.Token = tc.fallback
			f := newFixture(t, cfg)
			event := skillEvent(t, tc.contextToken, tc.sessionToken)

			got := f.mustInvoke(t, event)

			if !bytes.Equal(got, skillAnswer) {
				t.Errorf("answer %s; want Home Assistant's answer unchanged", got)
			}
			reqs := ha.requests()
			if len(reqs) != 1 {
				t.Fatalf("Home Assistant received %d requests; want 1", len(reqs))
			}
			r := reqs[0]
			if r.method != http.MethodPost || r.path != gateway.CustomSkillPath || r.auth != "Bearer "+tc.wantAuthToken || !bytes.Equal(r.body, event) {
				t.Errorf("Home Assistant received %s %s with Authorization %q; want POST %s with %q and the request unchanged",
					r.method, r.path, r.auth, gateway.CustomSkillPath, "Bearer "+tc.wantAuthToken)
			}
			emf := emfLines(outputLines(t, f.out.take()))
			if len(emf) != 1 || emf[0][gateway.MetricCustomSkillRequests] != 1.0 {
				t.Errorf("EMF lines %v; want one with CustomSkillRequests=1", emf)
			}
		})
	}
}

// TestCustomSkillFailures: when Home Assistant cannot answer, the user
// hears a short apology in a valid custom-skill response that ends the
// session, and no token appears in it.
func TestCustomSkillFailures(t *testing.T) {
	tests := []struct {
		name     string
		reply    http.HandlerFunc
		refused  bool
		noToken  bool
		timeout  time.Duration
		wantText string
		calls    int
	}{
		{name: "not linked and no fallback", noToken: true, wantText: sayNotLinked, calls: 0},
		{name: "401", reply: haStatus(401), wantText: sayNotLinked, calls: 1},
		{name: "403", reply: haStatus(403), wantText: sayNotLinked, calls: 1},
		{name: "404", reply: haStatus(404), wantText: sayFailed, calls: 1},
		{name: "500", reply: haStatus(500), wantText: sayFailed, calls: 1},
		{name: "HTML page", reply: respond(200, "text/html", []byte("<html>login</html>")), wantText: sayFailed, calls: 1},
		{name: "truncated JSON", reply: respond(200, "application/json", skillAnswer[:20]), wantText: sayFailed, calls: 1},
		{name: "Smart Home answer instead", reply: respond(200, "application/json", fixtureFile(t, turnOnResponse)), wantText: sayFailed, calls: 1},
		{name: "skill response that is not valid UTF-8", reply: respond(200, "application/json", notUTF8(t, skillAnswer)), wantText: sayFailed, calls: 1},
		{name: "connection refused", refused: true, wantText: sayUnreachable, calls: 0},
		{name: "HA_TIMEOUT used up", timeout: 300 * time.Millisecond, wantText: sayUnreachable, calls: atMostOne},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var cfg *gateway.Configuration
			requests := func() int { return 0 }
			switch {
			case tc.refused:
				cfg = baseConfig(closedURL(t))
			default:
				reply := tc.reply
				if tc.timeout > 0 {
					reply = blockUntilCleanup(t)
				}
				ha := startHA(t, reply)
				cfg, requests = baseConfig(ha.URL()), func() int { return len(ha.requests()) }
			}
			if tc.timeout > 0 {
				cfg.Timeout = tc.timeout
			}
			event := skillEvent(t, skillContextToken, "")
			if tc.noToken {
				cfg.Token = ""
				event = skillEvent(t, "", "")
			}
			f := newFixture(t, cfg)

			got := f.mustInvoke(t, event)

			checkSpeech(t, got, tc.wantText)
			if n := requests(); (tc.calls == atMostOne && n > 1) || (tc.calls >= 0 && n != tc.calls) {
				t.Errorf("Home Assistant received %d requests; want %d (-1: at most one)", n, tc.calls)
			}
			checkNoSecret(t, "log output", f.out.take(), skillContextToken)
		})
	}
}

// checkSpeech fails unless answer is a custom-skill response that speaks
// wantText as plain text and ends the session.
func checkSpeech(tb testing.TB, answer []byte, wantText string) {
	tb.Helper()
	var got struct {
		Version  string `json:"version"`
		Response *struct {
			OutputSpeech *struct {
				Type string `json:"type"`
				Text string `json:"text"`
			} `json:"outputSpeech"`
			ShouldEndSession *bool `json:"shouldEndSession"`
		} `json:"response"`
	}
	if err := json.Unmarshal(answer, &got); err != nil {
		tb.Fatalf("answer is not JSON: %v\n%s", err, answer)
	}
	r := got.Response
	if got.Version != "1.0" || r == nil || r.OutputSpeech == nil || r.ShouldEndSession == nil {
		tb.Fatalf("answer %s; want a custom-skill response with version 1.0, outputSpeech and shouldEndSession", answer)
	}
	if r.OutputSpeech.Type != "PlainText" || r.OutputSpeech.Text != wantText || !*r.ShouldEndSession {
		tb.Errorf("answer %s; want PlainText %q and the session ended", answer, wantText)
	}
	checkNoSecret(tb, "answer", string(answer), skillContextToken, skillSessionToken)
}
