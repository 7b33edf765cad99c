package hasim_test

import (
	"encoding/json"
	"testing"

	"github.com/lee-engine/lee/tools/hasim"
)

func TestCustomSkillAnswers(t *testing.T) {
	tests := []struct {
		name, body, speech string
	}{
		{"launch", `{"version":"1.0","session":{"application":{"applicationId":"amzn1.ask.skill.x"}},"request":{"type":"LaunchRequest","requestId":"r"}}`, "Welcome to Home Assistant."},
		{"status intent", `{"request":{"type":"IntentRequest","intent":{"name":"HomeStatusIntent","slots":{}}}}`, "The kitchen light is on and the front door is locked."},
		{"unknown intent", `{"request":{"type":"IntentRequest","intent":{"name":"OrderPizzaIntent"}}}`, "This intent is not yet configured within Home Assistant."},
		{"session ended", `{"session":{"application":{"applicationId":"a"}},"request":{"type":"SessionEndedRequest","reason":"USER_INITIATED"}}`, "This intent is not yet configured within Home Assistant."},
		{"unknown request type", `{"request":{"type":"CanFulfillIntentRequest"}}`, "Received unknown request CanFulfillIntentRequest"},
	}
	s := startSim(t, hasim.Settings{})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, h, b := s.do("POST", "/api/alexa", testToken, tc.body)
			if status != 200 || h.Get("Content-Type") != "application/json" {
				t.Fatalf("got %d %s", status, b)
			}
			var got struct {
				Version           string         `json:"version"`
				SessionAttributes map[string]any `json:"sessionAttributes"`
				Response          struct {
					ShouldEndSession *bool `json:"shouldEndSession"`
					OutputSpeech     struct {
						Type string `json:"type"`
						Text string `json:"text"`
					} `json:"outputSpeech"`
				} `json:"response"`
			}
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatal(err)
			}
			if got.Version != "1.0" || got.SessionAttributes == nil || got.Response.ShouldEndSession == nil ||
				!*got.Response.ShouldEndSession || got.Response.OutputSpeech.Type != "PlainText" ||
				got.Response.OutputSpeech.Text != tc.speech {
				t.Errorf("got %s", b)
			}
		})
	}
}

func TestCustomSkillFailures(t *testing.T) {
	s := startSim(t, hasim.Settings{})
	for name, body := range map[string]string{
		"not json":            `{`,
		"no request":          `{"session":{}}`,
		"intent without name": `{"request":{"type":"IntentRequest"}}`,
	} {
		t.Run(name, func(t *testing.T) {
			status, _, b := s.do("POST", "/api/alexa", testToken, body)
			if status != 500 || string(b) != "500 Internal Server Error\n\nServer got itself in trouble" {
				t.Errorf("got %d %q", status, b)
			}
		})
	}
	status, _, b := s.do("POST", "/api/alexa", "", `{"request":{"type":"LaunchRequest"}}`)
	if status != 401 || string(b) != "401: Unauthorized" {
		t.Errorf("no token: got %d %q", status, b)
	}
}
