package alexatest

import (
	"os"
	"path/filepath"
	"sync"

	"github.com/lee-engine/lee/tools/internal/alexa"
	"github.com/lee-engine/lee/tools/repocheck"
)

// T is what the helpers need of a *testing.T, a *testing.B or a *rapid.T.
type T interface {
	Helper()
	Fatalf(format string, args ...any)
}

// Dir returns the shared Alexa folder; t fails unless it holds both the
// sample messages and the schema.
func Dir(t T) string {
	t.Helper()
	root, err := repocheck.FindRoot(".")
	if err != nil {
		t.Fatalf("Amazon's Alexa test data: cannot find the repository from the test's folder: %v", err)
	}
	dir := filepath.Join(filepath.Dir(root), "shared", "alexa")
	for _, sub := range []string{"sample_messages", filepath.FromSlash(alexa.SchemaFile)} {
		if _, err := os.Stat(filepath.Join(dir, sub)); err != nil {
			t.Fatalf("Amazon's Alexa test data is missing: shared/alexa must sit beside the repository (looked for %s): %v",
				filepath.Join(dir, sub), err)
		}
	}
	return dir
}

// SamplesDir returns the folder of Amazon's sample messages, one subfolder
// per interface.
func SamplesDir(t T) string {
	t.Helper()
	return filepath.Join(Dir(t), "sample_messages")
}

// SamplePath returns the path of the sample message file rel inside
// SamplesDir, such as "Discovery/Discovery.response.json"; t fails when the
// file is not there.
func SamplePath(t T, rel string) string {
	t.Helper()
	path := filepath.Join(SamplesDir(t), filepath.FromSlash(rel))
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("Amazon's sample message: %v", err)
	}
	return path
}

// ReadSample returns the content of the sample message file rel, as
// SamplePath finds it.
func ReadSample(t T, rel string) []byte {
	t.Helper()
	path := SamplePath(t, rel)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("Amazon's sample message: %v", err)
	}
	return b
}

// SchemaPath returns the path of Amazon's Smart Home message schema.
func SchemaPath(t T) string {
	t.Helper()
	return filepath.Join(Dir(t), filepath.FromSlash(alexa.SchemaFile))
}

var (
	schemaOnce sync.Once
	schema     *alexa.Schema
	schemaErr  error
)

// Schema returns Amazon's Smart Home message schema, compiled on the first
// call only; t fails when it does not compile.
func Schema(t T) *alexa.Schema {
	t.Helper()
	path := SchemaPath(t)
	schemaOnce.Do(func() { schema, schemaErr = alexa.LoadSchema(path) })
	if schemaErr != nil {
		t.Fatalf("Amazon's Alexa schema does not compile: %v", schemaErr)
	}
	return schema
}
