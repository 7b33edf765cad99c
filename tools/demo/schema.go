package demo

import "github.com/lee-engine/lee/tools/internal/alexa"

// SchemaFile is where Amazon's Smart Home message schema lives inside a
// checkout of Amazon's Alexa data.
const SchemaFile = alexa.SchemaFile

// Schema checks messages against Amazon's Smart Home message schema
// (JSON Schema draft-04). It is safe for concurrent use.
type Schema = alexa.Schema

// LoadSchema compiles the schema file at path as draft-04, which is what the
// file declares.
func LoadSchema(path string) (*Schema, error) {
	return alexa.LoadSchema(path)
}
