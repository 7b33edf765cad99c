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

// ExampleSchema_Validate checks a message against Amazon's schema.
func ExampleSchema_Validate() {
	schema, err := demo.LoadSchema(filepath.Join("..", "..", "..", "shared", "alexa", filepath.FromSlash(demo.SchemaFile)))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(schema.Validate([]byte(`{"event":{}}`)) != nil)
	// Output: true
}
