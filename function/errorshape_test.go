package main

import (
	"bytes"
	"encoding/json"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The project's own rules for the ErrorResponses the function builds
// itself, from Alexa's Smart Home API (payload version 3) and the error
// table (docs/ARCHITECTURE.md). They hold in every checkout. The function's
// answers are held to Amazon's schema outside this module: by
// tools/conformance for Amazon's sample directives and by tools/e2e for
// every row of the error table, with the project's full rules
// (tools/internal/alexa) on top.
var (
	// messageIDForm is what Alexa accepts as a messageId.
	messageIDForm = regexp.MustCompile(`^[A-Za-z0-9-]{1,127}$`)
	// tableTypes are the types of the error table, per namespace: the only
	// ErrorResponses the function sends.
	tableTypes = map[string][]string{
		"Alexa":               {badAuth, bridge, internal, "INVALID_DIRECTIVE"},
		"Alexa.Authorization": {"ACCEPT_GRANT_FAILED"},
	}
)

// alexaHeader is the header of a directive or an event.
type alexaHeader struct {
	Namespace        string `json:"namespace"`
	Name             string `json:"name"`
	PayloadVersion   string `json:"payloadVersion"`
	MessageID        string `json:"messageId"`
	CorrelationToken string `json:"correlationToken"`
}

// alexaEndpoint is the endpoint of a directive or an event.
type alexaEndpoint struct {
	EndpointID string            `json:"endpointId"`
	Cookie     map[string]string `json:"cookie"`
	Scope      json.RawMessage   `json:"scope"`
}

// errorAnswer is an Alexa ErrorResponse as the function sends it: an event
// and nothing else, read strictly (checkErrorShape refuses unknown
// members).
type errorAnswer struct {
	Event struct {
		Header   alexaHeader    `json:"header"`
		Endpoint *alexaEndpoint `json:"endpoint"`
		Payload  struct {
			Type    string  `json:"type"`
			Message *string `json:"message"`
		} `json:"payload"`
	} `json:"event"`
}

// directiveIdentity is what an answer must carry over from its directive,
// read leniently: a field of the wrong type reads as empty.
func directiveIdentity(event []byte) (h alexaHeader, ep alexaEndpoint) {
	var env struct {
		Directive struct {
			Header   json.RawMessage `json:"header"`
			Endpoint json.RawMessage `json:"endpoint"`
		} `json:"directive"`
	}
	_ = json.Unmarshal(event, &env)
	_ = json.Unmarshal(env.Directive.Header, &h)
	_ = json.Unmarshal(env.Directive.Endpoint, &ep)
	return h, ep
}

// wantError says which ErrorResponse a case expects.
type wantError struct {
	namespace string // "Alexa" or "Alexa.Authorization"
	typ       string
	message   string // a substring the message must contain; "" for any
}

// checkErrorShape decodes an ErrorResponse the function built and checks
// it by the rules that hold whatever it answers: an event and nothing
// else; name ErrorResponse, payloadVersion "3", a valid messageId; a type
// of the error table for its namespace; no endpoint scope; a message
// saying what to fix; none of the planted secrets anywhere.
func checkErrorShape(tb testing.TB, answer []byte) errorAnswer {
	tb.Helper()
	var got errorAnswer
	dec := json.NewDecoder(bytes.NewReader(answer))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		tb.Fatalf("answer is not an Alexa ErrorResponse event: %v\n%s", err, answer)
	}
	h, p := got.Event.Header, got.Event.Payload
	if h.Name != "ErrorResponse" || h.PayloadVersion != "3" || !messageIDForm.MatchString(h.MessageID) {
		tb.Errorf("answer is %s v%q with messageId %q; want an ErrorResponse v3 with a valid messageId\n%s", h.Name, h.PayloadVersion, h.MessageID, answer)
	}
	if !slices.Contains(tableTypes[h.Namespace], p.Type) {
		tb.Errorf("type %q is not one the error table gives the %q namespace", p.Type, h.Namespace)
	}
	if ep := got.Event.Endpoint; ep != nil && len(ep.Scope) > 0 {
		tb.Errorf("answer endpoint carries a scope %s; the token must never be echoed", ep.Scope)
	}
	if p.Message == nil || strings.TrimSpace(*p.Message) == "" {
		tb.Errorf("answer has no message; it must say what to fix")
	}
	checkNoSecret(tb, "answer", string(answer))
	return got
}

// checkErrorAnswer checks every promise an ErrorResponse to directive
// makes: checkErrorShape's rules; the namespace and type expected, and a
// message containing what it must; a messageId that is not the
// directive's; the directive's correlationToken, endpointId and cookie kept.
func checkErrorAnswer(tb testing.TB, directive, answer []byte, want wantError) errorAnswer {
	tb.Helper()
	got := checkErrorShape(tb, answer)
	h := got.Event.Header
	if h.Namespace != want.namespace || got.Event.Payload.Type != want.typ {
		tb.Errorf("answer is %s of type %s; want %s of type %s\n%s", h.Namespace, got.Event.Payload.Type, want.namespace, want.typ, answer)
	}
	dh, dep := directiveIdentity(directive)
	if h.MessageID == dh.MessageID {
		tb.Errorf("answer messageId %q is the directive's; want a new one", h.MessageID)
	}
	if h.CorrelationToken != dh.CorrelationToken {
		tb.Errorf("answer correlationToken %q; want the directive's %q", h.CorrelationToken, dh.CorrelationToken)
	}
	checkEndpointKept(tb, got.Event.Endpoint, dep)
	if msg := got.Event.Payload.Message; msg != nil && want.message != "" && !strings.Contains(*msg, want.message) {
		tb.Errorf("answer message %q; want it to contain %q", *msg, want.message)
	}
	return got
}

// checkEndpointKept fails unless the answer's endpoint is the directive's
// endpointId and cookie (or absent when the directive had no endpointId);
// checkErrorShape has checked it carries no scope.
func checkEndpointKept(tb testing.TB, ep *alexaEndpoint, want alexaEndpoint) {
	tb.Helper()
	switch {
	case want.EndpointID == "" && ep != nil:
		tb.Errorf("answer has endpoint %q; the directive had none", ep.EndpointID)
	case want.EndpointID != "" && (ep == nil || ep.EndpointID != want.EndpointID):
		tb.Errorf("answer endpoint %+v; want the directive's endpointId %q", ep, want.EndpointID)
	case ep != nil && !maps.Equal(ep.Cookie, want.Cookie):
		tb.Errorf("answer cookie %v; want the directive's %v", ep.Cookie, want.Cookie)
	}
}

// plantedSecrets are every secret the tests configure or send.
var plantedSecrets = []string{fixtureToken, fallbackToken, headerSecret}

// checkNoSecret fails when text shows any planted secret (or an extra
// one the caller adds).
func checkNoSecret(tb testing.TB, what, text string, extra ...string) {
	tb.Helper()
	for _, s := range append(append([]string(nil), plantedSecrets...), extra...) {
		if strings.Contains(text, s) {
			tb.Errorf("%s shows the secret %q:\n%s", what, s, text)
		}
	}
}
