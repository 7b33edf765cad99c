package discoverylint

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/lee-engine/lee/tools/internal/alexatest"
)

// discoverySample is Amazon's Discover.Response among its samples.
const discoverySample = "Discovery/Discovery.response.json"

// homeFile is the project's own Discover.Response of a home of ten
// endpoints (a light with colour, lights, a fan, a lock, a thermostat, a
// sensor, a scene and a script), each of which the rules tests break in
// turn.
const homeFile = "testdata/home-of-ten.json"

// home reads homeFile, decoded for editing.
func home(t *testing.T) map[string]any {
	t.Helper()
	b, err := os.ReadFile(homeFile)
	if err != nil {
		t.Fatal(err)
	}
	var msg map[string]any
	if err := json.Unmarshal(b, &msg); err != nil {
		t.Fatal(err)
	}
	return msg
}

var (
	schemaLinterOnce sync.Once
	schemaLinterVal  *Linter
	schemaLinterErr  error
)

// compiledLinter compiles the schema at path once for all tests (path is
// the same for every call).
func compiledLinter(t *testing.T, path string) *Linter {
	t.Helper()
	schemaLinterOnce.Do(func() { schemaLinterVal, schemaLinterErr = New(Settings{SchemaPath: path}) })
	if schemaLinterErr != nil {
		t.Fatalf("Alexa schema broken (%s): %v", path, schemaLinterErr)
	}
	return schemaLinterVal
}

// schemaLinter is the linter with Amazon's schema; the test skips without
// Amazon's data.
func schemaLinter(t *testing.T) *Linter {
	t.Helper()
	return compiledLinter(t, alexatest.SchemaPath(t))
}

// optionalSchemaLinter is the linter with Amazon's schema, nil without
// Amazon's data.
func optionalSchemaLinter(t *testing.T) *Linter {
	t.Helper()
	path := alexatest.OptionalSchemaPath(t)
	if path == "" {
		return nil
	}
	return compiledLinter(t, path)
}

// bestLinter is the linter with Amazon's schema when at hand, else the
// structural one.
func bestLinter(t *testing.T) *Linter {
	t.Helper()
	if l := optionalSchemaLinter(t); l != nil {
		return l
	}
	return &Linter{}
}

// endpoints returns the sample's endpoint list for editing.
func endpoints(msg map[string]any) []any {
	return msg["event"].(map[string]any)["payload"].(map[string]any)["endpoints"].([]any)
}

func setEndpoints(msg map[string]any, eps []any) {
	msg["event"].(map[string]any)["payload"].(map[string]any)["endpoints"] = eps
}

func encode(t *testing.T, v any) []byte {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestHomePasses lints the project's home of ten endpoints: no finding, by
// the structural rules and, when at hand, Amazon's schema.
func TestHomePasses(t *testing.T) {
	l := bestLinter(t)
	r, err := l.Lint(encode(t, home(t)))
	if err != nil {
		t.Fatal(err)
	}
	if !r.OK() || len(r.Findings) != 0 || r.SchemaChecked != (l.schema != nil) || r.Endpoints != 10 {
		t.Fatalf("home: ok=%v schema=%v endpoints=%d findings:\n%s", r.OK(), r.SchemaChecked, r.Endpoints, lines(r.Findings))
	}
}

// TestSamplePasses lints Amazon's own Discover.Response with its schema.
func TestSamplePasses(t *testing.T) {
	r, err := schemaLinter(t).Lint(alexatest.ReadSample(t, discoverySample))
	if err != nil {
		t.Fatal(err)
	}
	if !r.OK() || len(r.Findings) != 0 || !r.SchemaChecked || r.Endpoints != 10 {
		t.Fatalf("sample: ok=%v schema=%v endpoints=%d findings:\n%s", r.OK(), r.SchemaChecked, r.Endpoints, lines(r.Findings))
	}
}

func TestOtherShapesOfTheHomePass(t *testing.T) {
	msg := home(t)
	payload := msg["event"].(map[string]any)["payload"]
	tests := map[string]any{"bare endpoints array": endpoints(msg), "payload object": payload}
	for name, v := range tests {
		t.Run(name, func(t *testing.T) {
			r, err := bestLinter(t).Lint(encode(t, v))
			if err != nil {
				t.Fatal(err)
			}
			if !r.OK() || r.Endpoints != 10 || len(r.Findings) != 0 {
				t.Fatalf("ok=%v endpoints=%d findings:\n%s", r.OK(), r.Endpoints, lines(r.Findings))
			}
		})
	}
}

func lines(fs []Finding) string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.String()
	}
	return strings.Join(out, "\n")
}

func TestLintRejectsUnusableInput(t *testing.T) {
	tests := []struct {
		in   string
		want error
	}{
		{"{not json", ErrNotJSON},
		{"", ErrNotJSON},
		{`"a string"`, ErrUnrecognised},
		{`{"directive": {}}`, ErrUnrecognised},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			_, err := bestLinter(t).Lint([]byte(tc.in))
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
		})
	}
}

func TestNewWithMissingSchema(t *testing.T) {
	if _, err := New(Settings{SchemaPath: filepath.Join(t.TempDir(), "none.json")}); err == nil {
		t.Fatal("a missing schema file must be an error")
	}
}

func TestManyEndpoints(t *testing.T) {
	msg := home(t)
	base := endpoints(msg)[0].(map[string]any)
	eps := make([]any, MaxEndpoints+1)
	for i := range eps {
		ep := map[string]any{}
		for k, v := range base {
			ep[k] = v
		}
		ep["endpointId"] = fmt.Sprintf("switch-%03d", i)
		ep["friendlyName"] = fmt.Sprintf("Switch %d", i)
		eps[i] = ep
	}
	setEndpoints(msg, eps)
	linters := map[string]*Linter{"structural": {}}
	if l := optionalSchemaLinter(t); l != nil {
		linters["schema"] = l
	}
	for name, l := range linters {
		t.Run(name, func(t *testing.T) {
			r, err := l.Lint(encode(t, msg))
			if err != nil {
				t.Fatal(err)
			}
			if r.OK() || r.Endpoints != 301 {
				t.Fatalf("301 endpoints passed: %d findings", len(r.Findings))
			}
			f := r.Findings[0]
			if f.Index != -1 || !strings.Contains(f.Message, "301 endpoints") || !strings.Contains(f.Message, "at most 300") {
				t.Errorf("first finding %v", f)
			}
		})
	}
}

// jsonMarshal is json.Marshal for property tests that hold no *testing.T.
func jsonMarshal(v any) ([]byte, error) {
	return json.Marshal(v)
}
