package gateway

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"regexp"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

var (
	schemaOnce sync.Once
	schema     *jsonschema.Schema
	schemaErr  error
)

// messageIDForm is what Alexa accepts as a messageId.
var messageIDForm = regexp.MustCompile(`^[A-Za-z0-9-]{1,127}$`)

// checkAlexaMessage fails the test unless msg, an ErrorResponse the
// gateway built, is well formed by the project's rules (an event of
// payloadVersion "3" with a valid messageId, no endpoint scope, a type and
// a message) and, when Amazon's data is at hand, valid against its schema.
func checkAlexaMessage(tb testing.TB, msg []byte) {
	tb.Helper()
	var m struct {
		Event struct {
			Header struct {
				Name, PayloadVersion, MessageID string
			} `json:"header"`
			Endpoint *struct {
				Scope json.RawMessage `json:"scope"`
			} `json:"endpoint"`
			Payload struct {
				Type    string  `json:"type"`
				Message *string `json:"message"`
			} `json:"payload"`
		} `json:"event"`
	}
	if err := json.Unmarshal(msg, &m); err != nil {
		tb.Fatalf("message is not an Alexa event: %v\n%s", err, msg)
	}
	e := m.Event
	if e.Header.Name != "ErrorResponse" || e.Header.PayloadVersion != "3" || !messageIDForm.MatchString(e.Header.MessageID) ||
		(e.Endpoint != nil && e.Endpoint.Scope != nil) || e.Payload.Type == "" || e.Payload.Message == nil {
		tb.Errorf("message is not a well-formed ErrorResponse:\n%s", msg)
	}
	dir := optionalAmazonData(tb)
	if dir == "" {
		return
	}
	schemaOnce.Do(func() {
		c := jsonschema.NewCompiler()
		c.DefaultDraft(jsonschema.Draft4)
		schema, schemaErr = c.Compile(filepath.ToSlash(filepath.Join(dir, filepath.FromSlash(amazonSchemaFile))))
	})
	if schemaErr != nil {
		tb.Fatalf("compile Amazon's Alexa schema: %v", schemaErr)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(msg))
	if err != nil {
		tb.Fatalf("message is not JSON: %v", err)
	}
	if err := schema.Validate(inst); err != nil {
		tb.Errorf("message is not valid against Amazon's Alexa schema: %v\n%s", err, msg)
	}
}
