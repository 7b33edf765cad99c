package gateway

import (
	"bytes"
	"path/filepath"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// alexaSchemaFile is the Alexa Smart Home message schema (draft-04).
const alexaSchemaFile = "validation_schemas/alexa_smart_home_message_schema.json"

// loadAlexaSchema compiles the schema once per test binary; it is large.
var loadAlexaSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	return c.Compile(filepath.ToSlash(filepath.Join(alexaDir, alexaSchemaFile)))
})

// checkAlexaMessage fails the test unless msg is valid against the schema.
func checkAlexaMessage(tb testing.TB, msg []byte) {
	tb.Helper()
	alexaFile(tb, alexaSchemaFile) // a clear failure when the data is missing
	sch, err := loadAlexaSchema()
	if err != nil {
		tb.Fatalf("compile the Alexa schema: %v", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(msg))
	if err != nil {
		tb.Fatalf("message is not JSON: %v", err)
	}
	if err := sch.Validate(inst); err != nil {
		tb.Errorf("message is not valid against the Alexa schema: %v\n%s", err, msg)
	}
}
