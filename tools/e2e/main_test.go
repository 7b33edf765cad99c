package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/lee-engine/lee/tools/demo"
	"go.uber.org/goleak"
)

// bootstrap is the function binary every test runs.
var bootstrap string

// buildTimeout bounds the one build of the function.
const buildTimeout = 5 * time.Minute

// TestMain builds the function once, as `make bootstrap` does (no -race: the
// race detector belongs to the tests, not to the binary under test), or uses
// $LEE_BOOTSTRAP. A failed build fails the whole package loudly.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "lee-e2e-")
	if err != nil {
		fmt.Fprintf(os.Stderr, "e2e: %v\n", err)
		os.Exit(1)
	}
	bootstrap = os.Getenv("LEE_BOOTSTRAP")
	if bootstrap == "" {
		bootstrap = filepath.Join(dir, "bootstrap")
		ctx, cancel := context.WithTimeout(context.Background(), buildTimeout)
		err = demo.BuildBootstrap(ctx, filepath.Join("..", "..", "function"), bootstrap)
		cancel()
		if err != nil {
			fmt.Fprintf(os.Stderr, "e2e: BUILD OF THE FUNCTION FAILED, no end-to-end test can run:\n%v\n", err)
			_ = os.RemoveAll(dir)
			os.Exit(1)
		}
	}
	goleak.VerifyTestMain(m, goleak.Cleanup(func(code int) {
		_ = os.RemoveAll(dir)
		os.Exit(code)
	}))
}

// alexaDir is the shared Alexa test data, ../../shared/alexa from the tools
// module's folder. Its absence fails the test: these tests cannot be
// meaningful without Amazon's samples and schema.
func alexaDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "alexa")
	for _, sub := range []string{"sample_messages", filepath.FromSlash(demo.SchemaFile)} {
		if _, err := os.Stat(filepath.Join(dir, sub)); err != nil {
			t.Fatalf("Amazon's Alexa test data is missing: shared/alexa must sit beside the repository (looked for %s): %v",
				filepath.Join(dir, sub), err)
		}
	}
	return dir
}

func samplesDir(t *testing.T) string {
	return filepath.Join(alexaDir(t), "sample_messages")
}

var (
	schemaOnce sync.Once
	schema     *demo.Schema
	schemaErr  error
)

// alexaSchema is Amazon's Smart Home message schema, compiled once.
func alexaSchema(t *testing.T) *demo.Schema {
	t.Helper()
	path := filepath.Join(alexaDir(t), filepath.FromSlash(demo.SchemaFile))
	schemaOnce.Do(func() { schema, schemaErr = demo.LoadSchema(path) })
	if schemaErr != nil {
		t.Fatalf("Amazon's schema does not compile: %v", schemaErr)
	}
	return schema
}

// validate fails the test when msg is not a valid Smart Home message.
func validate(t *testing.T, msg []byte) {
	t.Helper()
	if err := alexaSchema(t).Validate(msg); err != nil {
		t.Errorf("answer is not valid against Amazon's schema: %v\nanswer: %s", err, msg)
	}
}

// sample reads one of Amazon's sample messages by name (see
// harness.FindSample), e.g. "PowerController.TurnOn".
func sample(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(samplePath(t, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
