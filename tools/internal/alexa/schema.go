package alexa

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// SchemaFile is where Amazon's Smart Home message schema lives inside a
// checkout of Amazon's Alexa data (see FindData).
const SchemaFile = "validation_schemas/alexa_smart_home_message_schema.json"

// Schema checks messages against Amazon's Smart Home message schema
// (JSON Schema draft-04). It is safe for concurrent use.
type Schema struct {
	compiled *jsonschema.Schema
}

// LoadSchema compiles the schema file at path as draft-04, which is what the
// file declares; the draft is set explicitly so a missing $schema cannot
// silently change the rules.
func LoadSchema(path string) (*Schema, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("load Alexa schema: %w", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	compiled, err := c.Compile(abs)
	if err != nil {
		return nil, fmt.Errorf("load Alexa schema %s: %w", path, err)
	}
	return &Schema{compiled: compiled}, nil
}

// maxSchemaErrorLines keeps a validation error readable: the schema is a
// oneOf over every message kind, so the full report lists each kind's
// complaints.
const maxSchemaErrorLines = 12

// Validate reports why msg is not a valid Smart Home message, nil when it is.
func (s *Schema) Validate(msg []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(msg))
	if err != nil {
		return fmt.Errorf("schema: not JSON: %w", err)
	}
	if err := s.compiled.Validate(inst); err != nil {
		lines := strings.Split(err.Error(), "\n")
		if len(lines) > maxSchemaErrorLines {
			lines = append(lines[:maxSchemaErrorLines], fmt.Sprintf("... (%d more lines)", len(lines)-maxSchemaErrorLines))
		}
		return fmt.Errorf("schema: %s", strings.Join(lines, "\n"))
	}
	return nil
}
