package lambdaiface

import (
	"encoding/json"
	"unicode/utf8"
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

// alexaHeader is the part of an event header IsAlexaMessage checks.
type alexaHeader struct {
	Namespace      string `json:"namespace"`
	Name           string `json:"name"`
	PayloadVersion string `json:"payloadVersion"`
}

// alexaHeaderFields are the JSON names of alexaHeader's fields, in order.
var alexaHeaderFields = [...]string{"namespace", "name", "payloadVersion"}

// IsAlexaMessage reports whether body looks like an Alexa Smart Home message
// a skill may send: valid JSON in valid UTF-8, an object whose "event" has a
// "header" with a string namespace and name and payloadVersion "3". It is
// the check LEE runs on Home Assistant's answer before passing it through,
// so an HTML login page, a truncated body or one with bytes that are not
// UTF-8 (which json.Valid lets through inside strings, and which RFC 8259
// forbids in JSON exchanged between systems) is refused. The whole body is
// checked for validity, then the header is found without decoding anything
// else: a multi-MB Discovery payload is scanned twice (utf8.Valid, about 1%
// of the cost of json.Valid), never built into values.
// "event" and "header" are matched exactly, as Alexa does; the header's
// members as encoding/json matches them. It allocates nothing for a header
// of plain member names and strings.
func IsAlexaMessage(body []byte) bool {
	if !isObject(body) || !utf8.Valid(body) || !json.Valid(body) {
		return false
	}
	event, ok := objectMember(body, "event")
	if !ok {
		return false
	}
	raw, ok := objectMember(event, "header")
	if !ok || !isObject(raw) {
		return false
	}
	if valid, sure := alexaHeaderFast(raw); sure {
		return valid
	}
	return alexaHeaderChecked(raw)
}

// alexaHeaderFast applies IsAlexaMessage's header rule with the member
// scanner. sure is false when the scanner cannot be sure to agree with
// encoding/json (see readFields).
func alexaHeaderFast(raw []byte) (valid, sure bool) {
	var f [len(alexaHeaderFields)]span
	if !readFields(raw, 0, alexaHeaderFields[:], f[:]) {
		return false, false
	}
	namespace, okNamespace := stringBytes(raw, f[0])
	name, okName := stringBytes(raw, f[1])
	version, okVersion := stringBytes(raw, f[2])
	return okNamespace && okName && okVersion &&
		len(namespace) > 0 && len(name) > 0 && string(version) == PayloadVersion3, true
}

// alexaHeaderChecked applies IsAlexaMessage's header rule with
// encoding/json.
func alexaHeaderChecked(raw []byte) bool {
	var h alexaHeader
	if json.Unmarshal(raw, &h) != nil {
		return false
	}
	return h.Namespace != "" && h.Name != "" && h.PayloadVersion == PayloadVersion3
}
