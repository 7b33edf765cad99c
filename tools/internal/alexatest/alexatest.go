package alexatest

import (
	"errors"
	"os"
	"path/filepath"
	"sync"

	"github.com/lee-engine/lee/tools/internal/alexa"
)

// T is what the helpers need of a *testing.T, a *testing.B, a *testing.F
// or a *rapid.T.
type T interface {
	Helper()
	Fatalf(format string, args ...any)
	Skipf(format string, args ...any)
}

// SkipNote starts the one line a test skips with when Amazon's data is
// absent; the tests of the other modules skip with the same words.
const SkipNote = "skipped: needs Amazon's Alexa data"

// findData is alexa.FindData from the test's working directory, once per
// test binary.
var findData = sync.OnceValues(func() (alexa.Data, error) {
	wd, err := os.Getwd()
	if err != nil {
		return alexa.Data{}, err
	}
	return alexa.FindData(wd)
})

// optionalDir returns Amazon's data folder, "" when there is none; t fails
// when the folder it was pointed at lacks the data.
func optionalDir(t T) string {
	t.Helper()
	d, err := findData()
	return dataDir(t, d, err, false)
}

// Dir returns the folder of Amazon's Alexa data (LEE_ALEXA_DATA, else
// ../shared/alexa beside the repository). Without it the test skips with
// one line saying how to supply it; a folder pointed at that lacks the
// data fails the test.
func Dir(t T) string {
	t.Helper()
	d, err := findData()
	return dataDir(t, d, err, true)
}

// dataDir judges the outcome of alexa.FindData for t: the folder found,
// else a skip (need) or "" (!need) when there is none, and a failure when
// the lookup went wrong.
func dataDir(t T, d alexa.Data, err error, need bool) string {
	t.Helper()
	switch {
	case errors.Is(err, alexa.ErrNoData) && need:
		t.Skipf("%s: %s", SkipNote, alexa.DataHint)
	case errors.Is(err, alexa.ErrNoData):
		return ""
	case err != nil:
		t.Fatalf("Amazon's Alexa data: %v", err)
	}
	return d.Dir
}

// SamplesDir returns the folder of Amazon's sample messages, one subfolder
// per interface; the test skips without the data.
func SamplesDir(t T) string {
	t.Helper()
	return filepath.Join(Dir(t), alexa.SamplesFolder)
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

// SchemaPath returns the path of Amazon's Smart Home message schema; the
// test skips without the data.
func SchemaPath(t T) string {
	t.Helper()
	return filepath.Join(Dir(t), filepath.FromSlash(alexa.SchemaFile))
}

// OptionalSchemaPath returns the path of Amazon's schema, "" without the
// data: for code under test that checks the schema only when given one.
func OptionalSchemaPath(t T) string {
	t.Helper()
	dir := optionalDir(t)
	if dir == "" {
		return ""
	}
	return filepath.Join(dir, filepath.FromSlash(alexa.SchemaFile))
}

var (
	schemaOnce sync.Once
	schema     *alexa.Schema
	schemaErr  error
)

// compiled returns the schema of the data folder dir, compiled on the first
// call only (dir is the same for every call of a test binary).
func compiled(t T, dir string) *alexa.Schema {
	t.Helper()
	schemaOnce.Do(func() { schema, schemaErr = alexa.LoadSchema(filepath.Join(dir, filepath.FromSlash(alexa.SchemaFile))) })
	if schemaErr != nil {
		t.Fatalf("Amazon's Alexa schema does not compile: %v", schemaErr)
	}
	return schema
}

// Schema returns Amazon's Smart Home message schema, compiled once; the
// test skips without the data and fails when it does not compile.
func Schema(t T) *alexa.Schema {
	t.Helper()
	return compiled(t, Dir(t))
}

// OptionalSchema returns Amazon's schema as Schema does, or nil without the
// data: for tests whose schema check is a layer above the project's own.
func OptionalSchema(t T) *alexa.Schema {
	t.Helper()
	dir := optionalDir(t)
	if dir == "" {
		return nil
	}
	return compiled(t, dir)
}

// Check returns what is wrong with a Smart Home event: the project's own
// rules (alexa.CheckShape) always, Amazon's schema too when its data is at
// hand.
func Check(t T, msg []byte) error {
	t.Helper()
	if err := alexa.CheckShape(msg); err != nil {
		return err
	}
	if s := OptionalSchema(t); s != nil {
		return s.Validate(msg)
	}
	return nil
}

// CheckAnswer is Check for the answer to directive, with alexa.CheckAnswer's
// rules: the correlationToken and endpoint of the directive kept.
func CheckAnswer(t T, directive, answer []byte) error {
	t.Helper()
	if err := alexa.CheckAnswer(directive, answer); err != nil {
		return err
	}
	if s := OptionalSchema(t); s != nil {
		return s.Validate(answer)
	}
	return nil
}
