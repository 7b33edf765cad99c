package alexa

// Message is the part of an Alexa event message ({"event": {...}}) that
// names it. A field the message lacks stays empty, so a body that is not an
// event decodes to a Message with an empty Header.Name.
type Message struct {
	Event struct {
		Header  Header       `json:"header"`
		Payload ErrorPayload `json:"payload"`
	} `json:"event"`
}

// Header is what an event is: its interface and its name, such as
// "Alexa.Discovery" and "Discover.Response".
type Header struct {
	Namespace string `json:"namespace"`
	Name      string `json:"name"`
}

// ErrorPayload is the payload of an ErrorResponse: an error type from
// Alexa's list (INVALID_AUTHORIZATION_CREDENTIAL, ENDPOINT_UNREACHABLE, ...)
// and a message for the logs. Other events leave both empty.
type ErrorPayload struct {
	Type    string `json:"type"`
	Message string `json:"message"`
}
