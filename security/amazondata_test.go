package security

// This file is the same in every module whose tests read Amazon's Alexa
// data, apart from its package clause (tools/repocheck checks that): test
// code cannot be shared across modules, and the tools module has the same
// lookup in tools/internal/alexa, which `lee check alexa-data` reports on.

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// Amazon's Alexa data is a checkout of github.com/alexa-samples/alexa-smarthome
// (folders sample_messages and validation_schemas). The repository never
// holds a copy: the tests that need it are the conformance layer, above the
// project's own fixtures in testdata/smarthome, and they find the data at
// $LEE_ALEXA_DATA, else at ../shared/alexa beside the repository root, else
// they skip with one line that says so.
const (
	amazonDataEnv = "LEE_ALEXA_DATA"
	// amazonSkipNote starts the line a test skips with when there is no data.
	amazonSkipNote = "skipped: needs Amazon's Alexa data"
	// amazonSchemaFile is the Smart Home message schema inside the data.
	amazonSchemaFile = "validation_schemas/alexa_smart_home_message_schema.json"
)

// errNoAmazonData reports that the data is nowhere: the normal case of a
// fresh clone.
var errNoAmazonData = errors.New("no Amazon Alexa data")

// findAmazonData returns the folder of Amazon's data: env (the value of
// LEE_ALEXA_DATA) when not empty, else shared/alexa beside the repository
// root above dir (the folder holding go.work). A folder pointed at that
// lacks the data, or a relative env (each package's tests run in their own
// folder), is an error, not errNoAmazonData, so that a wrong setting fails
// the tests instead of skipping them.
func findAmazonData(env, dir string) (string, error) {
	if env != "" {
		if !filepath.IsAbs(env) {
			return "", fmt.Errorf("%s=%s: not an absolute path", amazonDataEnv, env)
		}
		if err := checkAmazonData(env); err != nil {
			return "", fmt.Errorf("%s=%s: %w", amazonDataEnv, env, err)
		}
		return filepath.Clean(env), nil
	}
	root, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("find Amazon's Alexa data: %w", err)
	}
	for {
		if info, err := os.Stat(filepath.Join(root, "go.work")); err == nil && !info.IsDir() {
			break
		}
		parent := filepath.Dir(root)
		if parent == root {
			return "", errNoAmazonData
		}
		root = parent
	}
	shared := filepath.Join(filepath.Dir(root), "shared", "alexa")
	if _, err := os.Stat(shared); err != nil {
		return "", errNoAmazonData
	}
	if err := checkAmazonData(shared); err != nil {
		return "", fmt.Errorf("%s: %w", shared, err)
	}
	return shared, nil
}

// checkAmazonData reports what dir lacks of Amazon's data.
func checkAmazonData(dir string) error {
	for _, sub := range []string{"sample_messages", filepath.FromSlash(amazonSchemaFile)} {
		if _, err := os.Stat(filepath.Join(dir, sub)); err != nil {
			return fmt.Errorf("not a checkout of Amazon's Alexa data: %w", err)
		}
	}
	return nil
}

// amazonData is findAmazonData from the test's own folder, once per test
// binary.
var amazonData = sync.OnceValues(func() (string, error) {
	return findAmazonData(os.Getenv(amazonDataEnv), ".")
})

// needAmazonData returns the folder of Amazon's data for a test that cannot
// run without it: the test skips when there is none and fails when the
// folder it was pointed at lacks the data.
func needAmazonData(tb testing.TB) string {
	tb.Helper()
	dir, err := amazonData()
	switch {
	case errors.Is(err, errNoAmazonData):
		tb.Skipf("%s: set %s to the absolute path of a checkout of github.com/alexa-samples/alexa-smarthome to run it", amazonSkipNote, amazonDataEnv)
	case err != nil:
		tb.Fatalf("Amazon's Alexa data: %v", err)
	}
	return dir
}

// optionalAmazonData returns the folder of Amazon's data, "" when there is
// none, for a test whose Amazon layer is an addition to checks that run
// anyway; a folder pointed at that lacks the data fails the test.
func optionalAmazonData(tb testing.TB) string {
	tb.Helper()
	dir, err := amazonData()
	if err != nil && !errors.Is(err, errNoAmazonData) {
		tb.Fatalf("Amazon's Alexa data: %v", err)
	}
	return dir
}

// TestFindAmazonData checks the order of the lookup: LEE_ALEXA_DATA, then
// shared/alexa beside the repository, else nothing; and that a folder
// without the data is an error.
func TestFindAmazonData(t *testing.T) {
	base := t.TempDir()
	mkdir := func(parts ...string) string {
		p := filepath.Join(append([]string{base}, parts...)...)
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	writeData := func(dir string) {
		mkdir(dir, "sample_messages")
		mkdir(dir, "validation_schemas")
		if err := os.WriteFile(filepath.Join(base, dir, filepath.FromSlash(amazonSchemaFile)), []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	repo := mkdir("repo", "module", "pkg")
	if err := os.WriteFile(filepath.Join(base, "repo", "go.work"), []byte("go 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	writeData("checkout")
	mkdir("empty")
	noRepo := mkdir("elsewhere")

	if _, err := findAmazonData("", repo); !errors.Is(err, errNoAmazonData) {
		t.Errorf("without variable or shared folder: %v, want errNoAmazonData", err)
	}
	if _, err := findAmazonData("", noRepo); !errors.Is(err, errNoAmazonData) {
		t.Errorf("outside a repository: %v, want errNoAmazonData", err)
	}
	if _, err := findAmazonData(filepath.Join(base, "empty"), repo); err == nil || errors.Is(err, errNoAmazonData) {
		t.Errorf("variable naming a folder without the data: %v, want an error naming it", err)
	}
	if _, err := findAmazonData("checkout", repo); err == nil || errors.Is(err, errNoAmazonData) {
		t.Errorf("relative variable: %v, want an error asking for an absolute path", err)
	}
	mkdir("shared", "alexa")
	if _, err := findAmazonData("", repo); err == nil || errors.Is(err, errNoAmazonData) {
		t.Errorf("incomplete shared/alexa: %v, want an error naming it", err)
	}
	writeData(filepath.Join("shared", "alexa"))
	if got, err := findAmazonData("", repo); err != nil || got != filepath.Join(base, "shared", "alexa") {
		t.Errorf("shared/alexa beside the repository: %q, %v", got, err)
	}
	if got, err := findAmazonData(filepath.Join(base, "checkout"), repo); err != nil || got != filepath.Join(base, "checkout") {
		t.Errorf("variable set: %q, %v; want it to win over shared/alexa", got, err)
	}
}
