package e2e

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/lee-engine/lee/tools/hasim"
	"github.com/lee-engine/lee/tools/internal/loopback"
)

const intentPath = "/api/alexa"

// skillRequest is an Alexa custom-skill request of type typ (with intent
// when typ is IntentRequest). The access token sits where Alexa puts it for
// a linked account: in context.System.user, and in session.user unless
// sessionOnly moves it there alone. An empty token means an unlinked user.
func skillRequest(t *testing.T, typ, intent, token string, sessionOnly bool) []byte {
	t.Helper()
	user := func(tok string) map[string]any {
		u := map[string]any{"userId": "amzn1.ask.account.e2e"}
		if tok != "" {
			u["accessToken"] = tok
		}
		return u
	}
	systemToken := token
	if sessionOnly {
		systemToken = ""
	}
	app := map[string]any{"applicationId": "amzn1.ask.skill.00000000-0000-4000-8000-000000000001"}
	req := map[string]any{
		"type":      typ,
		"requestId": "amzn1.echo-api.request.e2e-" + strings.ToLower(typ),
		"timestamp": "2026-01-01T12:00:00Z",
		"locale":    "en-US",
	}
	if intent != "" {
		req["intent"] = map[string]any{"name": intent, "confirmationStatus": "NONE"}
	}
	ev := map[string]any{
		"version": "1.0",
		"session": map[string]any{"new": true, "sessionId": "amzn1.echo-api.session.e2e", "application": app, "user": user(token)},
		"context": map[string]any{"System": map[string]any{
			"application": app,
			"user":        user(systemToken),
			"device":      map[string]any{"deviceId": "amzn1.ask.device.e2e", "supportedInterfaces": map[string]any{}},
			"apiEndpoint": "https://api.amazonalexa.com",
		}},
		"request": req,
	}
	b, err := json.Marshal(ev)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// speech checks body is a custom-skill response that speaks, and returns
// what it says.
func speech(t *testing.T, body []byte) string {
	t.Helper()
	var r struct {
		Version  string `json:"version"`
		Response *struct {
			OutputSpeech *struct {
				Type string `json:"type"`
				Text string `json:"text"`
				SSML string `json:"ssml"`
			} `json:"outputSpeech"`
		} `json:"response"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		t.Fatalf("custom-skill answer is not JSON: %v: %s", err, body)
	}
	if r.Version != "1.0" || r.Response == nil || r.Response.OutputSpeech == nil {
		t.Fatalf("not a custom-skill response with speech: %s", body)
	}
	sp := r.Response.OutputSpeech
	switch {
	case sp.Type == "PlainText" && strings.TrimSpace(sp.Text) != "":
		return sp.Text
	case sp.Type == "SSML" && strings.Contains(sp.SSML, "<speak>"):
		return sp.SSML
	}
	t.Fatalf("the response's outputSpeech says nothing: %s", body)
	return ""
}

// skillCase is one custom-skill request and what must become of it.
type skillCase struct {
	name    string
	request []byte
	sim     hasim.Settings
	faults  []hasim.Fault
	env     []string
	refused bool
	// relayed: the answer must be Home Assistant's, byte for byte, and
	// token the index of the token it matched; otherwise an apology.
	relayed bool
	token   int
	haCalls int
	says    string
}

// skillCases are the custom-skill requests of TestCustomSkill.
func skillCases(t *testing.T) []skillCase {
	return []skillCase{
		{name: "launch, token in context", request: skillRequest(t, "LaunchRequest", "", directiveToken, false),
			relayed: true, token: 0, haCalls: 1, says: "Welcome to Home Assistant."},
		{name: "launch, token in session only", request: skillRequest(t, "LaunchRequest", "", directiveToken, true),
			relayed: true, token: 0, haCalls: 1, says: "Welcome to Home Assistant."},
		{name: "intent", request: skillRequest(t, "IntentRequest", "HomeStatusIntent", directiveToken, false),
			relayed: true, token: 0, haCalls: 1, says: "kitchen light"},
		{name: "unlinked user, HA_TOKEN", request: skillRequest(t, "LaunchRequest", "", "", false), env: []string{"HA_TOKEN=" + fallbackToken},
			relayed: true, token: 1, haCalls: 1, says: "Welcome"},
		{name: "unlinked user, no fallback", request: skillRequest(t, "LaunchRequest", "", "", false), haCalls: 0},
		{name: "500", request: skillRequest(t, "LaunchRequest", "", directiveToken, false),
			faults: []hasim.Fault{{Path: intentPath, Kind: hasim.KindStatus, Status: http.StatusInternalServerError}}, haCalls: 1},
		{name: "401", request: skillRequest(t, "LaunchRequest", "", directiveToken, false),
			sim: hasim.Settings{Tokens: []string{"another-token-entirely"}}, haCalls: 1},
		{name: "HTML page", request: skillRequest(t, "LaunchRequest", "", directiveToken, false),
			faults: []hasim.Fault{{Path: intentPath, Kind: hasim.KindHTML}}, haCalls: 1},
		{name: "budget used up", request: skillRequest(t, "LaunchRequest", "", directiveToken, false), env: []string{"HA_TIMEOUT=300ms"},
			faults: []hasim.Fault{{Path: intentPath, Kind: hasim.KindDelay, Delay: 10 * time.Second}}, haCalls: 1},
		{name: "connection refused", request: skillRequest(t, "LaunchRequest", "", directiveToken, false), refused: true},
	}
}

// TestCustomSkill relays custom-skill requests to /api/alexa and checks the
// spoken apology when Home Assistant cannot answer.
func TestCustomSkill(t *testing.T) {
	t.Parallel()
	for _, tc := range skillCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			sim := startSim(t, tc.sim, tc.faults...)
			rec := startRecorder(t, sim.URL())
			haURL := rec.URL()
			if tc.refused {
				haURL = "http://" + loopback.ClosedAddr(t)
			}
			rt := startFunction(t, append([]string{"HA_URL=" + haURL}, tc.env...)...)
			body := payload(t, invoke(t, rt, tc.request))
			said := speech(t, body)
			if tc.says != "" && !strings.Contains(said, tc.says) {
				t.Errorf("the answer says %q, want it to mention %q", said, tc.says)
			}
			if leaked := leakedSecrets(body); len(leaked) > 0 {
				t.Errorf("the answer shows the secrets %q: %s", leaked, body)
			}
			if got := sim.Count(intentPath); got != tc.haCalls {
				t.Errorf("the simulator received %d custom-skill requests, want %d", got, tc.haCalls)
			}
			if !tc.relayed {
				return
			}
			if ha := rec.last(intentPath); !bytes.Equal(body, ha) {
				t.Errorf("the answer differs from Home Assistant's:\nfunction: %s\nHA:       %s", body, ha)
			}
			if got := lastRequest(t, sim); got.Path != intentPath || got.TokenIndex != tc.token {
				t.Errorf("the simulator saw %s with token %d, want %s with token %d", got.Path, got.TokenIndex, intentPath, tc.token)
			}
		})
	}
}
