package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// alexaSchemaFile is Amazon's Alexa Smart Home message schema (draft-04),
// under alexaData.
const alexaSchemaFile = "validation_schemas/alexa_smart_home_message_schema.json"

// compileAlexaSchema compiles the schema once per test binary: it is 700 KB.
var compileAlexaSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	return c.Compile(filepath.ToSlash(filepath.Join(alexaData, alexaSchemaFile)))
})

// alexaSchema returns the compiled schema, failing the test with a clear
// message when the shared data is missing.
func alexaSchema(tb testing.TB) *jsonschema.Schema {
	tb.Helper()
	p := filepath.Join(alexaData, filepath.FromSlash(alexaSchemaFile))
	if _, err := os.Stat(p); err != nil {
		tb.Fatalf("Alexa schema missing: %s must exist (the shared folder beside the repository): %v", p, err)
	}
	sch, err := compileAlexaSchema()
	if err != nil {
		tb.Fatalf("compile the Alexa schema: %v", err)
	}
	return sch
}

// checkSchema fails the test unless msg is valid against the Alexa schema.
func checkSchema(tb testing.TB, msg []byte) {
	tb.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(msg))
	if err != nil {
		tb.Fatalf("answer is not JSON: %v\n%s", err, msg)
	}
	if err := alexaSchema(tb).Validate(inst); err != nil {
		tb.Errorf("answer is not valid against the Alexa schema: %v\n%s", err, msg)
	}
}

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
	EndpointID string          `json:"endpointId"`
	Scope      json.RawMessage `json:"scope"`
}

// errorAnswer is an Alexa ErrorResponse as the function sends it.
type errorAnswer struct {
	Event struct {
		Header   alexaHeader    `json:"header"`
		Endpoint *alexaEndpoint `json:"endpoint"`
		Payload  struct {
			Type    string `json:"type"`
			Message string `json:"message"`
		} `json:"payload"`
	} `json:"event"`
}

// directiveIdentity is what an answer must carry over from its directive,
// read leniently: a field of the wrong type reads as empty.
func directiveIdentity(event []byte) (h alexaHeader, endpointID string) {
	var env struct {
		Directive struct {
			Header   json.RawMessage `json:"header"`
			Endpoint json.RawMessage `json:"endpoint"`
		} `json:"directive"`
	}
	_ = json.Unmarshal(event, &env)
	_ = json.Unmarshal(env.Directive.Header, &h)
	var ep alexaEndpoint
	_ = json.Unmarshal(env.Directive.Endpoint, &ep)
	return h, ep.EndpointID
}

// wantError says which ErrorResponse a case expects.
type wantError struct {
	namespace string // "Alexa" or "Alexa.Authorization"
	typ       string
	message   string // a substring the message must contain; "" for any
}

// checkErrorAnswer checks every promise an ErrorResponse to directive
// makes: valid against the schema, the expected namespace and type, a new
// messageId, the directive's correlationToken and endpointId kept, no
// scope, a non-empty message, and none of the planted secrets anywhere.
func checkErrorAnswer(tb testing.TB, directive, answer []byte, want wantError) errorAnswer {
	tb.Helper()
	checkSchema(tb, answer)
	var got errorAnswer
	if err := json.Unmarshal(answer, &got); err != nil {
		tb.Fatalf("answer is not an Alexa event: %v\n%s", err, answer)
	}
	h := got.Event.Header
	if h.Namespace != want.namespace || h.Name != "ErrorResponse" || got.Event.Payload.Type != want.typ {
		tb.Errorf("answer is %s.%s of type %s; want %s.ErrorResponse of type %s\n%s",
			h.Namespace, h.Name, got.Event.Payload.Type, want.namespace, want.typ, answer)
	}
	dh, endpointID := directiveIdentity(directive)
	if h.MessageID == "" || h.MessageID == dh.MessageID {
		tb.Errorf("answer messageId %q; want a new one, not the directive's %q", h.MessageID, dh.MessageID)
	}
	if h.CorrelationToken != dh.CorrelationToken {
		tb.Errorf("answer correlationToken %q; want the directive's %q", h.CorrelationToken, dh.CorrelationToken)
	}
	checkEndpointKept(tb, got.Event.Endpoint, endpointID)
	msg := got.Event.Payload.Message
	if strings.TrimSpace(msg) == "" {
		tb.Errorf("answer has an empty message; it must say what to fix")
	}
	if want.message != "" && !strings.Contains(msg, want.message) {
		tb.Errorf("answer message %q; want it to contain %q", msg, want.message)
	}
	checkNoSecret(tb, "answer", string(answer))
	return got
}

// checkEndpointKept fails unless the answer's endpoint is the directive's
// endpointId without its scope (or absent when the directive had none).
func checkEndpointKept(tb testing.TB, ep *alexaEndpoint, endpointID string) {
	tb.Helper()
	switch {
	case endpointID == "" && ep != nil:
		tb.Errorf("answer has endpoint %q; the directive had none", ep.EndpointID)
	case endpointID != "" && (ep == nil || ep.EndpointID != endpointID):
		tb.Errorf("answer endpoint %+v; want the directive's endpointId %q", ep, endpointID)
	case ep != nil && len(ep.Scope) > 0:
		tb.Errorf("answer endpoint carries a scope %s; the token must never be echoed", ep.Scope)
	}
}

// plantedSecrets are every secret the tests configure or send.
var plantedSecrets = []string{sampleToken, fallbackToken, headerSecret}

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
