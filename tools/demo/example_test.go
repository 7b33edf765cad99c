package demo_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/lee-engine/lee/tools/demo"
)

// ExampleRun runs the demo from inside the repository, building
// dist/bootstrap when it is missing, and prints the report to stdout.
func ExampleRun() {
	err := demo.Run(context.Background(), demo.Settings{Out: os.Stdout})
	if err != nil {
		fmt.Println(err)
	}
}

// ExampleSchema_Validate checks messages against a schema; the demo and the
// tests load Amazon's Smart Home message schema from its checkout
// (demo.SchemaFile inside it), here a small one stands in.
func ExampleSchema_Validate() {
	dir, err := os.MkdirTemp("", "lee-schema-example-")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "event.json")
	const eventSchema = `{"type":"object","required":["event"],"properties":{"event":{"type":"object","required":["header"]}}}`
	if err := os.WriteFile(path, []byte(eventSchema), 0o644); err != nil {
		fmt.Println(err)
		return
	}
	schema, err := demo.LoadSchema(path)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(schema.Validate([]byte(`{"event":{}}`)) != nil, schema.Validate([]byte(`{"event":{"header":{}}}`)) == nil)
	// Output: true true
}
