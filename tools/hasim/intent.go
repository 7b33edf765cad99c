package hasim

import (
	"encoding/json"
	"net/http"
)

// Speech the simulated intent handler answers with. The demo home's
// intent_script answers a LaunchRequest of any skill and HomeStatusIntent;
// every other intent is unknown, as in a Home Assistant without scripts.
const (
	launchSpeech       = "Welcome to Home Assistant."
	unconfiguredSpeech = "This intent is not yet configured within Home Assistant."
	statusIntent       = "HomeStatusIntent"
)

// skillResponse is a custom-skill answer as Home Assistant's
// AlexaIntentResponse.as_dict writes it.
type skillResponse struct {
	Version           string         `json:"version"`
	SessionAttributes map[string]any `json:"sessionAttributes"`
	Response          skillBody      `json:"response"`
}

type skillBody struct {
	ShouldEndSession bool         `json:"shouldEndSession"`
	OutputSpeech     outputSpeech `json:"outputSpeech"`
}

type outputSpeech struct {
	Type string `json:"type"`
	Text string `json:"text"`
}

func speak(text string) skillResponse {
	return skillResponse{
		Version:           "1.0",
		SessionAttributes: map[string]any{},
		Response:          skillBody{ShouldEndSession: true, OutputSpeech: outputSpeech{Type: "PlainText", Text: text}},
	}
}

// serveIntent answers POST /api/alexa like Home Assistant's
// AlexaIntentsView. A body without a request object fails with a plain 500,
// as the KeyError it raises there does.
func (s *Server) serveIntent(w http.ResponseWriter, body []byte) int {
	var msg struct {
		Request *struct {
			Type   *string `json:"type"`
			Intent *struct {
				Name *string `json:"name"`
			} `json:"intent"`
		} `json:"request"`
	}
	if err := json.Unmarshal(body, &msg); err != nil || msg.Request == nil || msg.Request.Type == nil {
		return writeInternalError(w)
	}
	switch kind := *msg.Request.Type; kind {
	case "LaunchRequest":
		return writeJSON(w, http.StatusOK, speak(launchSpeech))
	case "SessionEndedRequest":
		return writeJSON(w, http.StatusOK, speak(unconfiguredSpeech))
	case "IntentRequest":
		in := msg.Request.Intent
		if in == nil || in.Name == nil {
			return writeInternalError(w)
		}
		if *in.Name == statusIntent {
			return writeJSON(w, http.StatusOK, speak(s.statusSpeech()))
		}
		return writeJSON(w, http.StatusOK, speak(unconfiguredSpeech))
	default:
		return writeJSON(w, http.StatusOK, speak("Received unknown request "+kind))
	}
}

// statusSpeech is HomeStatusIntent's answer, read from the current state.
func (s *Server) statusSpeech() string {
	light, door := "off", "unlocked"
	if st, ok := s.home.get("light.kitchen"); ok && st.State == "on" {
		light = "on"
	}
	if st, ok := s.home.get("lock.front_door"); ok && st.State == "locked" {
		door = "locked"
	}
	return "The kitchen light is " + light + " and the front door is " + door + "."
}
