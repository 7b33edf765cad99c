package lambdaiface_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"testing"

	"github.com/lee-engine/lee/lambdaiface"
)

// The project's own rules for the ErrorResponse the package builds, from
// Alexa's Smart Home API (payload version 3). They run in every checkout;
// tools/conformance holds the same answers to Amazon's schema and to the
// project's full reading of the API (tools/internal/alexa), which also
// checks each ErrorType is one Alexa documents.
var (
	// messageIDPattern is what Alexa accepts as a messageId.
	messageIDPattern = regexp.MustCompile(`^[a-zA-Z0-9-]{1,127}$`)
	// endpointIDPattern is what Alexa accepts as an endpointId.
	endpointIDPattern = regexp.MustCompile(`^[A-Za-z0-9_\-=#;:?@&]{1,256}$`)
)

// errShape marks a message that breaks the project's ErrorResponse rules.
var errShape = errors.New("not a well-formed ErrorResponse")

// shapeMessage is an ErrorResponse read strictly: unknown members and
// members of the wrong type fail the decoding.
type shapeMessage struct {
	Event *struct {
		Header *struct {
			Namespace        string  `json:"namespace"`
			Name             string  `json:"name"`
			PayloadVersion   string  `json:"payloadVersion"`
			MessageID        string  `json:"messageId"`
			CorrelationToken *string `json:"correlationToken"`
		} `json:"header"`
		Endpoint *struct {
			EndpointID string            `json:"endpointId"`
			Cookie     map[string]string `json:"cookie"`
		} `json:"endpoint"`
		Payload *struct {
			Type    string  `json:"type"`
			Message *string `json:"message"`
		} `json:"payload"`
	} `json:"event"`
}

// checkErrorShape reports the first rule msg breaks: an "event" (and
// nothing else) whose header is namespace Alexa or Alexa.Authorization,
// name ErrorResponse, payloadVersion "3" and a valid messageId; an endpoint,
// if any, with a valid endpointId, string cookie values and no scope (the
// scope holds the user's token); a payload whose type is one of the
// package's ErrorTypes, ACCEPT_GRANT_FAILED exactly in Alexa.Authorization,
// and a message.
func checkErrorShape(msg []byte) error {
	var m shapeMessage
	dec := json.NewDecoder(bytes.NewReader(msg))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return fmt.Errorf("%w: %w", errShape, err)
	}
	e := m.Event
	if e == nil || e.Header == nil || e.Payload == nil {
		return fmt.Errorf("%w: no event, header or payload", errShape)
	}
	h, ep, p := e.Header, e.Endpoint, e.Payload
	var problem string
	switch {
	case h.Name != "ErrorResponse" || h.PayloadVersion != "3":
		problem = fmt.Sprintf("header %s v%s", h.Name, h.PayloadVersion)
	case !messageIDPattern.MatchString(h.MessageID):
		problem = fmt.Sprintf("messageId %q", h.MessageID)
	case ep != nil && !endpointIDPattern.MatchString(ep.EndpointID):
		problem = fmt.Sprintf("endpointId %q", ep.EndpointID)
	case p.Message == nil:
		problem = "no message"
	case h.Namespace == "Alexa" && (p.Type == string(lambdaiface.AcceptGrantFailed) || !slices.Contains(allErrorTypes, lambdaiface.ErrorType(p.Type))):
		problem = fmt.Sprintf("type %q in the Alexa namespace", p.Type)
	case h.Namespace == "Alexa.Authorization" && p.Type != string(lambdaiface.AcceptGrantFailed):
		problem = fmt.Sprintf("type %q in the Alexa.Authorization namespace", p.Type)
	case h.Namespace != "Alexa" && h.Namespace != "Alexa.Authorization":
		problem = fmt.Sprintf("namespace %q", h.Namespace)
	}
	if problem != "" {
		return fmt.Errorf("%w: %s", errShape, problem)
	}
	return nil
}

// TestErrorShapeRejects is the control that proves the project's rules can
// fail: each message breaks one of them.
func TestErrorShapeRejects(t *testing.T) {
	const good = `{"event":{"header":{"namespace":"Alexa","name":"ErrorResponse","payloadVersion":"3","messageId":"m-1","correlationToken":"c"},` +
		`"endpoint":{"endpointId":"light#kitchen","cookie":{"room":"kitchen"}},"payload":{"type":"INTERNAL_ERROR","message":"x"}}}`
	if err := checkErrorShape([]byte(good)); err != nil {
		t.Fatalf("a well-formed ErrorResponse is refused: %v", err)
	}
	tests := []struct{ name, msg string }{
		{"not JSON", `{"event":`},
		{"no payload", `{"event":{"header":{"namespace":"Alexa","name":"ErrorResponse","payloadVersion":"3","messageId":"a"}}}`},
		{"other name", `{"event":{"header":{"namespace":"Alexa","name":"Response","payloadVersion":"3","messageId":"a"},"payload":{"type":"INTERNAL_ERROR","message":""}}}`},
		{"payloadVersion 2", `{"event":{"header":{"namespace":"Alexa","name":"ErrorResponse","payloadVersion":"2","messageId":"a"},"payload":{"type":"INTERNAL_ERROR","message":""}}}`},
		{"bad message id", `{"event":{"header":{"namespace":"Alexa","name":"ErrorResponse","payloadVersion":"3","messageId":"a b"},"payload":{"type":"INTERNAL_ERROR","message":""}}}`},
		{"accept grant type in Alexa namespace", `{"event":{"header":{"namespace":"Alexa","name":"ErrorResponse","payloadVersion":"3","messageId":"a"},"payload":{"type":"ACCEPT_GRANT_FAILED","message":""}}}`},
		{"type not among the package's", `{"event":{"header":{"namespace":"Alexa","name":"ErrorResponse","payloadVersion":"3","messageId":"a"},"payload":{"type":"NOT_A_TYPE","message":""}}}`},
		{"Alexa type in Authorization namespace", `{"event":{"header":{"namespace":"Alexa.Authorization","name":"ErrorResponse","payloadVersion":"3","messageId":"a"},"payload":{"type":"INTERNAL_ERROR","message":""}}}`},
		{"echoed scope", `{"event":{"header":{"namespace":"Alexa","name":"ErrorResponse","payloadVersion":"3","messageId":"a"},"endpoint":{"endpointId":"e","scope":{"type":"BearerToken","token":"t"}},"payload":{"type":"INTERNAL_ERROR","message":""}}}`},
		{"bad endpoint id", `{"event":{"header":{"namespace":"Alexa","name":"ErrorResponse","payloadVersion":"3","messageId":"a"},"endpoint":{"endpointId":"not valid!"},"payload":{"type":"INTERNAL_ERROR","message":""}}}`},
		{"no message", `{"event":{"header":{"namespace":"Alexa","name":"ErrorResponse","payloadVersion":"3","messageId":"a"},"payload":{"type":"INTERNAL_ERROR"}}}`},
		{"context", `{"event":{"header":{"namespace":"Alexa","name":"ErrorResponse","payloadVersion":"3","messageId":"a"},"payload":{"type":"INTERNAL_ERROR","message":""}},"context":{}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := checkErrorShape([]byte(tt.msg)); !errors.Is(err, errShape) {
				t.Errorf("checkErrorShape = %v; want errShape", err)
			}
		})
	}
}
