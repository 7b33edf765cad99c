package lambdaiface_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// fixtureToken is the bearer token every directive of testdata/smarthome
// carries.
const fixtureToken = "lee-fixture-token-3c9e2f71"

// The project's own directives and answers used most, under
// testdata/smarthome.
const (
	turnOnDirective    = "PowerController.TurnOn.directive.json"
	turnOnAnswer       = "PowerController.TurnOn.answer.json"
	turnOffDirective   = "PowerController.TurnOff.directive.json"
	lockDirective      = "LockController.Lock.directive.json"
	discoveryDirective = "Discovery.Discover.directive.json"
	grantDirective     = "Authorization.AcceptGrant.directive.json"
)

// sample is one message file of the project's fixtures.
type sample struct {
	name string
	data []byte
}

// isDirective reports whether the sample is a directive (Alexa → skill)
// rather than a message a skill sends.
func (s sample) isDirective() bool {
	var top map[string]json.RawMessage
	return json.Unmarshal(s.data, &top) == nil && top["directive"] != nil
}

// readTree reads every JSON file under root, sorted by name.
func readTree(tb testing.TB, root string) []sample {
	tb.Helper()
	var out []sample
	err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".json") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		out = append(out, sample{name: filepath.ToSlash(rel), data: data})
		return nil
	})
	if err != nil || len(out) == 0 {
		tb.Fatalf("read the messages under %s (%d found): %v", root, len(out), err)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// loadFixtures reads the project's own directives and answers.
func loadFixtures(tb testing.TB) []sample {
	tb.Helper()
	return readTree(tb, filepath.Join("testdata", "smarthome"))
}

// fixture reads one file of testdata/smarthome.
func fixture(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "smarthome", name))
	if err != nil {
		tb.Fatalf("read fixture: %v", err)
	}
	return b
}

// jsonEqual reports whether a and b hold the same JSON value, ignoring
// member order and white space.
func jsonEqual(tb testing.TB, a, b []byte) bool {
	tb.Helper()
	var va, vb any
	if err := json.Unmarshal(a, &va); err != nil {
		tb.Fatalf("decode first JSON: %v", err)
	}
	if err := json.Unmarshal(b, &vb); err != nil {
		tb.Fatalf("decode second JSON: %v", err)
	}
	return reflect.DeepEqual(va, vb)
}

// mustMarshal encodes v, failing the test on error.
func mustMarshal(tb testing.TB, v any) []byte {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatalf("encode: %v", err)
	}
	return b
}
