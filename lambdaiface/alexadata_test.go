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

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// alexaDir is the shared Alexa test data, relative to this package's
// directory (/work/main/lambdaiface → /work/shared/alexa). It is never
// copied into the repository.
const alexaDir = "../../shared/alexa"

// sampleToken is the bearer token every sample directive carries.
const sampleToken = "access-token-from-skill"

// alexaPath returns the path of rel inside the shared Alexa data, failing
// the test when the data is missing: silently skipping would hide that the
// schema checks did not run.
func alexaPath(tb testing.TB, rel string) string {
	tb.Helper()
	p := filepath.Join(alexaDir, rel)
	if _, err := os.Stat(p); err != nil {
		tb.Fatalf("Alexa test data missing: %s must exist (the shared/alexa folder beside the repository, with sample_messages and validation_schemas): %v", p, err)
	}
	return p
}

// sample is one file of sample_messages.
type sample struct {
	name string
	data []byte
}

// isDirective reports whether the sample is a directive (Alexa → skill)
// rather than a message a skill sends; StateReport/ReportState.json is a
// directive though its name lacks ".request".
func (s sample) isDirective() bool {
	var top map[string]json.RawMessage
	return json.Unmarshal(s.data, &top) == nil && top["directive"] != nil
}

// loadSamples reads every JSON file under sample_messages, sorted by name.
func loadSamples(tb testing.TB) []sample {
	tb.Helper()
	root := alexaPath(tb, "sample_messages")
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
	if err != nil {
		tb.Fatalf("read samples: %v", err)
	}
	if len(out) == 0 {
		tb.Fatalf("no sample messages under %s", root)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// loadSample reads one sample by its path under sample_messages.
func loadSample(tb testing.TB, rel string) []byte {
	tb.Helper()
	data, err := os.ReadFile(alexaPath(tb, filepath.Join("sample_messages", rel)))
	if err != nil {
		tb.Fatalf("read sample: %v", err)
	}
	return data
}

// schemaFile is the Alexa Smart Home message schema inside alexaDir.
const schemaFile = "validation_schemas/alexa_smart_home_message_schema.json"

// compileSchema compiles the 700 kB schema once per test binary.
var compileSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	path := filepath.Join(alexaDir, schemaFile)
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	const url = "file:///alexa_smart_home_message_schema.json"
	if err := c.AddResource(url, doc); err != nil {
		return nil, err
	}
	return c.Compile(url)
})

// alexaSchema returns the compiled schema, failing the test when the data
// is missing or does not compile.
func alexaSchema(tb testing.TB) *jsonschema.Schema {
	tb.Helper()
	alexaPath(tb, schemaFile)
	sch, err := compileSchema()
	if err != nil {
		tb.Fatalf("compile Alexa schema: %v", err)
	}
	return sch
}

// validateMessage returns the schema's verdict on one encoded message.
func validateMessage(tb testing.TB, msg []byte) error {
	tb.Helper()
	return validateWith(alexaSchema(tb), msg)
}

// validateWith returns sch's verdict on one encoded message.
func validateWith(sch *jsonschema.Schema, msg []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(msg))
	if err != nil {
		return err
	}
	return sch.Validate(inst)
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
