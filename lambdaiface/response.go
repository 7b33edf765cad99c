package lambdaiface

import (
	"encoding/json"
	"unicode/utf8"

	"github.com/lee-engine/lee/utility"
)

// Event is the event object of an Alexa Smart Home message a skill sends:
// a response, an error response, a state or change report.
type Event struct {
	// Header says which event this is.
	Header Header `json:"header"`
	// Endpoint is the device the event is about, when there is one.
	Endpoint *Endpoint `json:"endpoint,omitempty"`
	// Payload is the event's payload object, kept raw so that a multi-MB
	// Discovery answer passes through without being decoded.
	Payload json.RawMessage `json:"payload"`
}

// Response is an Alexa Smart Home message from the skill to Alexa.
type Response struct {
	// Context holds reported properties; omitted when empty.
	Context json.RawMessage `json:"context,omitempty"`
	// Event is the message itself.
	Event Event `json:"event"`
}

// alexaAnswer is the part of Home Assistant's answer IsAlexaMessage reads.
type alexaAnswer struct {
	Event struct {
		Header struct {
			Namespace      string `json:"namespace"`
			Name           string `json:"name"`
			PayloadVersion string `json:"payloadVersion"`
		} `json:"header"`
	} `json:"event"`
}

// IsAlexaMessage reports whether body looks like an Alexa Smart Home message
// a skill may send: one valid JSON object in valid UTF-8 whose "event" has
// a "header" with a non-empty string namespace and name and payloadVersion
// "3". It is the check LEE runs on Home Assistant's answer before passing
// it through, so an HTML login page, a truncated body or one with bytes
// that are not UTF-8 (which encoding/json lets through inside strings, and
// which RFC 8259 forbids in JSON exchanged between systems) is refused.
// Only the header is decoded: the rest of a multi-MB Discovery answer is
// scanned (utf8.Valid costs about 1% of the decoder's scan), never built
// into values. Member names match as encoding/json matches them.
func IsAlexaMessage(body []byte) bool {
	var a alexaAnswer
	if !utility.IsJSONObject(body) || !utf8.Valid(body) || json.Unmarshal(body, &a) != nil {
		return false
	}
	h := a.Event.Header
	return h.Namespace != "" && h.Name != "" && h.PayloadVersion == PayloadVersion3
}
