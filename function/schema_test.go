package main

import (
	"bytes"
	"encoding/json"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

var (
	schemaOnce sync.Once
	schema     *jsonschema.Schema
	schemaErr  error
)

// amazonSchema returns Amazon's Alexa Smart Home message schema (draft-04),
// compiled once per test binary (it is 700 KB), or nil without Amazon's
// data: every answer is then judged by the project's own rules alone.
func amazonSchema(tb testing.TB) *jsonschema.Schema {
	tb.Helper()
	dir := optionalAmazonData(tb)
	if dir == "" {
		return nil
	}
	schemaOnce.Do(func() {
		c := jsonschema.NewCompiler()
		c.DefaultDraft(jsonschema.Draft4)
		schema, schemaErr = c.Compile(filepath.ToSlash(filepath.Join(dir, filepath.FromSlash(amazonSchemaFile))))
	})
	if schemaErr != nil {
		tb.Fatalf("compile Amazon's Alexa schema: %v", schemaErr)
	}
	return schema
}

// checkSchema fails the test unless msg is valid against Amazon's schema,
// when its data is at hand.
func checkSchema(tb testing.TB, msg []byte) {
	tb.Helper()
	sch := amazonSchema(tb)
	if sch == nil {
		return
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(msg))
	if err != nil {
		tb.Fatalf("answer is not JSON: %v\n%s", err, msg)
	}
	if err := sch.Validate(inst); err != nil {
		tb.Errorf("answer is not valid against Amazon's Alexa schema: %v\n%s", err, msg)
	}
}

// The project's own rules for an ErrorResponse, from Alexa's Smart Home API
// (payload version 3); they hold in every checkout, with or without
// Amazon's schema.
var (
	// messageIDForm is what Alexa accepts as a messageId.
	messageIDForm = regexp.MustCompile(`^[A-Za-z0-9-]{1,127}$`)
	// errorTypes are the types Alexa documents for an ErrorResponse, per
	// namespace the function answers in.
	errorTypes = map[string][]string{
		"Alexa": {
			"ALREADY_IN_OPERATION", "BRIDGE_UNREACHABLE", "CLOUD_CONTROL_DISABLED", "ENDPOINT_BUSY",
			"ENDPOINT_LOW_POWER", "ENDPOINT_UNREACHABLE", "EXPIRED_AUTHORIZATION_CREDENTIAL",
			"FIRMWARE_OUT_OF_DATE", "HARDWARE_MALFUNCTION", "INSUFFICIENT_PERMISSIONS", "INTERNAL_ERROR",
			"INVALID_AUTHORIZATION_CREDENTIAL", "INVALID_DIRECTIVE", "INVALID_VALUE", "NO_SUCH_ENDPOINT",
			"NOT_CALIBRATED", "NOT_SUPPORTED_IN_CURRENT_MODE", "NOT_IN_OPERATION", "POWER_LEVEL_NOT_SUPPORTED",
			"RATE_LIMIT_EXCEEDED", "TEMPERATURE_VALUE_OUT_OF_RANGE", "TOO_MANY_FAILED_ATTEMPTS", "VALUE_OUT_OF_RANGE",
		},
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
// and nothing else, read strictly (checkErrorAnswer refuses unknown
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

// checkErrorAnswer checks every promise an ErrorResponse to directive
// makes, by the project's own rules: an event and nothing else; namespace,
// name ErrorResponse, payloadVersion "3" and a new, valid messageId; a
// payload type Alexa documents for the namespace, and the one expected; the
// directive's correlationToken, endpointId and cookie kept and its scope
// dropped; a message saying what to fix; none of the planted secrets
// anywhere. Amazon's schema is checked on top when its data is at hand.
func checkErrorAnswer(tb testing.TB, directive, answer []byte, want wantError) errorAnswer {
	tb.Helper()
	checkSchema(tb, answer)
	var got errorAnswer
	dec := json.NewDecoder(bytes.NewReader(answer))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		tb.Fatalf("answer is not an Alexa ErrorResponse event: %v\n%s", err, answer)
	}
	h := got.Event.Header
	if h.Namespace != want.namespace || h.Name != "ErrorResponse" || got.Event.Payload.Type != want.typ || h.PayloadVersion != "3" {
		tb.Errorf("answer is %s.%s v%q of type %s; want %s.ErrorResponse v3 of type %s\n%s",
			h.Namespace, h.Name, h.PayloadVersion, got.Event.Payload.Type, want.namespace, want.typ, answer)
	}
	if !slices.Contains(errorTypes[h.Namespace], got.Event.Payload.Type) {
		tb.Errorf("type %q is not one Alexa documents for the %q namespace", got.Event.Payload.Type, h.Namespace)
	}
	dh, dep := directiveIdentity(directive)
	if !messageIDForm.MatchString(h.MessageID) || h.MessageID == dh.MessageID {
		tb.Errorf("answer messageId %q; want a new valid one, not the directive's %q", h.MessageID, dh.MessageID)
	}
	if h.CorrelationToken != dh.CorrelationToken {
		tb.Errorf("answer correlationToken %q; want the directive's %q", h.CorrelationToken, dh.CorrelationToken)
	}
	checkEndpointKept(tb, got.Event.Endpoint, dep)
	msg := got.Event.Payload.Message
	if msg == nil || strings.TrimSpace(*msg) == "" {
		tb.Errorf("answer has no message; it must say what to fix")
	} else if want.message != "" && !strings.Contains(*msg, want.message) {
		tb.Errorf("answer message %q; want it to contain %q", *msg, want.message)
	}
	checkNoSecret(tb, "answer", string(answer))
	return got
}

// checkEndpointKept fails unless the answer's endpoint is the directive's
// endpointId and cookie without its scope (or absent when the directive
// had no endpointId).
func checkEndpointKept(tb testing.TB, ep *alexaEndpoint, want alexaEndpoint) {
	tb.Helper()
	switch {
	case want.EndpointID == "" && ep != nil:
		tb.Errorf("answer has endpoint %q; the directive had none", ep.EndpointID)
	case want.EndpointID != "" && (ep == nil || ep.EndpointID != want.EndpointID):
		tb.Errorf("answer endpoint %+v; want the directive's endpointId %q", ep, want.EndpointID)
	case ep != nil && len(ep.Scope) > 0:
		tb.Errorf("answer endpoint carries a scope %s; the token must never be echoed", ep.Scope)
	case ep != nil && !maps.Equal(ep.Cookie, want.Cookie):
		tb.Errorf("answer cookie %v; want the directive's %v", ep.Cookie, want.Cookie)
	}
}

// plantedSecrets are every secret the tests configure or send.
var plantedSecrets = []string{fixtureToken, sampleToken, fallbackToken, headerSecret}

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
