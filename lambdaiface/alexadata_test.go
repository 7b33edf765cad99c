package lambdaiface_test

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/lee-engine/lee/lambdaiface"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// fixtureToken is the bearer token every directive of testdata/smarthome
// carries; sampleToken is the one Amazon's sample directives carry.
const (
	fixtureToken = "lee-fixture-token-3c9e2f71"
	sampleToken  = "access-token-from-skill"
)

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

// sample is one message file: a project fixture or one of Amazon's samples.
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

// loadSamples reads every file of Amazon's sample_messages; the test skips
// without Amazon's data.
func loadSamples(tb testing.TB) []sample {
	tb.Helper()
	return readTree(tb, filepath.Join(lambdaiface.NeedAmazonData(tb), "sample_messages"))
}

// seedMessages is every project fixture, and every Amazon sample when the
// data is at hand: the seeds of the fuzz targets.
func seedMessages(tb testing.TB) []sample {
	tb.Helper()
	out := loadFixtures(tb)
	if dir := lambdaiface.OptionalAmazonData(tb); dir != "" {
		out = append(out, readTree(tb, filepath.Join(dir, "sample_messages"))...)
	}
	return out
}

var (
	schemaOnce sync.Once
	schema     *jsonschema.Schema
	schemaErr  error
)

// compileSchema compiles Amazon's 700 kB schema in dir once per test
// binary (dir is the same for every call: the lookup runs once).
func compileSchema(tb testing.TB, dir string) *jsonschema.Schema {
	tb.Helper()
	schemaOnce.Do(func() {
		c := jsonschema.NewCompiler()
		c.DefaultDraft(jsonschema.Draft4)
		schema, schemaErr = c.Compile(filepath.ToSlash(filepath.Join(dir, filepath.FromSlash(lambdaiface.AmazonSchemaFile))))
	})
	if schemaErr != nil {
		tb.Fatalf("compile Amazon's Alexa schema: %v", schemaErr)
	}
	return schema
}

// amazonSchema returns Amazon's compiled schema; the test skips without
// Amazon's data.
func amazonSchema(tb testing.TB) *jsonschema.Schema {
	tb.Helper()
	return compileSchema(tb, lambdaiface.NeedAmazonData(tb))
}

// optionalSchema returns Amazon's compiled schema, nil without Amazon's
// data: the schema is then a layer the test goes without.
func optionalSchema(tb testing.TB) *jsonschema.Schema {
	tb.Helper()
	dir := lambdaiface.OptionalAmazonData(tb)
	if dir == "" {
		return nil
	}
	return compileSchema(tb, dir)
}

// validateWith returns sch's verdict on one encoded message.
func validateWith(sch *jsonschema.Schema, msg []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(msg))
	if err != nil {
		return err
	}
	return sch.Validate(inst)
}

// checkErrorMessage returns what is wrong with an ErrorResponse the package
// built: the project's own shape rules (errorshape_test.go) always, and
// Amazon's schema too when its data is at hand.
func checkErrorMessage(tb testing.TB, msg []byte) error {
	tb.Helper()
	return checkErrorMessageWith(optionalSchema(tb), msg)
}

// checkErrorMessageWith is checkErrorMessage with the schema given, nil
// for none.
func checkErrorMessageWith(sch *jsonschema.Schema, msg []byte) error {
	if err := checkErrorShape(msg); err != nil {
		return err
	}
	if sch == nil {
		return nil
	}
	return validateWith(sch, msg)
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
