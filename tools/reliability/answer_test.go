package reliability

import (
	"encoding/json"
	"testing"

	"github.com/lee-engine/lee/gateway"
	"github.com/lee-engine/lee/lambdaiface"
)

// event is the part of an Alexa answer the tests judge.
type event struct {
	Event struct {
		Header   lambdaiface.Header `json:"header"`
		Endpoint *struct {
			EndpointID string `json:"endpointId"`
		} `json:"endpoint"`
		Payload struct {
			Type    string `json:"type"`
			Message string `json:"message"`
		} `json:"payload"`
	} `json:"event"`
}

func decodeEvent(t *testing.T, b []byte) event {
	t.Helper()
	var e event
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatalf("answer is not an Alexa event: %v\n%s", err, b)
	}
	return e
}

func decodeDirective(t *testing.T, b []byte) *gateway.Directive {
	t.Helper()
	in, err := lambdaiface.Decode(b)
	if err != nil || in.Directive == nil {
		t.Fatalf("test directive does not decode: %v", err)
	}
	return in.Directive
}

// wantError is the ErrorResponse DESIGN.md's table gives for a failure of
// type typ while relaying d: AcceptGrant failures are all ACCEPT_GRANT_FAILED
// in the Alexa.Authorization namespace.
func wantError(d *gateway.Directive, typ gateway.ErrorType) (namespace string, errType gateway.ErrorType) {
	if d.IsAcceptGrant() {
		return "Alexa.Authorization", gateway.AcceptGrantFailed
	}
	return "Alexa", typ
}

// checkError asserts that got is the ErrorResponse of type typ (see
// wantError) to directive, valid (see validate), that keeps its
// correlationToken and endpointId, says what to fix and shows no secret.
// (Home Assistant's own answers may echo the directive's scope, as the real
// one does, and are relayed unchanged; only LEE's answers are searched.)
func checkError(t *testing.T, directive, got []byte, typ gateway.ErrorType) {
	t.Helper()
	d := decodeDirective(t, directive)
	validate(t, directive, got)
	e := decodeEvent(t, got).Event
	ns, want := wantError(d, typ)
	if e.Header.Namespace != ns || e.Header.Name != "ErrorResponse" || e.Payload.Type != string(want) {
		t.Errorf("answer is %s/%s %s, want %s/ErrorResponse %s\n%s",
			e.Header.Namespace, e.Header.Name, e.Payload.Type, ns, want, got)
	}
	if e.Payload.Message == "" {
		t.Errorf("the ErrorResponse has no message saying what to fix:\n%s", got)
	}
	checkKept(t, d, got)
	checkNoSecrets(t, "the ErrorResponse", got)
}

// checkKept asserts that an answer to d carries d's correlationToken and
// endpointId (and none where d has none), with a messageId of its own.
func checkKept(t *testing.T, d *gateway.Directive, got []byte) {
	t.Helper()
	e := decodeEvent(t, got).Event
	if e.Header.CorrelationToken != d.Header.CorrelationToken {
		t.Errorf("correlationToken %q, want the directive's %q", e.Header.CorrelationToken, d.Header.CorrelationToken)
	}
	if e.Header.MessageID == "" || e.Header.PayloadVersion != "3" {
		t.Errorf("header %+v lacks a messageId or payloadVersion 3", e.Header)
	}
	var wantID, gotID string
	if d.Endpoint != nil {
		wantID = d.Endpoint.EndpointID
	}
	if e.Endpoint != nil {
		gotID = e.Endpoint.EndpointID
	}
	if gotID != wantID {
		t.Errorf("endpointId %q, want the directive's %q", gotID, wantID)
	}
}

// goodAnswers names the event Home Assistant answers each matrix directive
// with when all is well.
var goodAnswers = map[string]string{
	turnOn:      "Alexa/Response",
	discovery:   "Alexa.Discovery/Discover.Response",
	acceptGrant: "Alexa.Authorization/AcceptGrant.Response",
}

// checkGood asserts that got is Home Assistant's successful answer to the
// sample directive name.
func checkGood(t *testing.T, name string, directive, got []byte) {
	t.Helper()
	validate(t, directive, got)
	h := decodeEvent(t, got).Event.Header
	if kind := h.Namespace + "/" + h.Name; kind != goodAnswers[name] {
		t.Errorf("answer is %s, want %s\n%s", kind, goodAnswers[name], got)
	}
	d := decodeDirective(t, directive)
	if h.CorrelationToken != d.Header.CorrelationToken {
		t.Errorf("correlationToken %q, want the directive's %q", h.CorrelationToken, d.Header.CorrelationToken)
	}
}
