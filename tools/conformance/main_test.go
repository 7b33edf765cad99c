package conformance

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lee-engine/lee/tools/harness"
	"github.com/lee-engine/lee/tools/internal/alexatest"
	"go.uber.org/goleak"
)

// sampleToken is the bearer token every directive of Amazon's samples
// carries.
const sampleToken = "access-token-from-skill"

// workDir holds the bootstrap built for the relay tests; TestMain removes it.
var workDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "lee-conformance-")
	if err != nil {
		fmt.Fprintf(os.Stderr, "conformance: %v\n", err)
		os.Exit(1)
	}
	workDir = dir
	goleak.VerifyTestMain(m, goleak.Cleanup(func(code int) {
		_ = os.RemoveAll(dir)
		os.Exit(code)
	}))
}

// buildTimeout bounds the one build of the function.
const buildTimeout = 5 * time.Minute

var (
	buildOnce sync.Once
	buildErr  error
)

// bootstrap builds the function once for the tests that run it, as `make
// bootstrap` does but for this machine's architecture, or returns
// $LEE_BOOTSTRAP when that names a built one. It is called only once
// Amazon's data is known to be at hand, so a fresh clone builds nothing
// here.
func bootstrap(t *testing.T) string {
	t.Helper()
	if bin := os.Getenv("LEE_BOOTSTRAP"); bin != "" {
		return bin
	}
	bin := filepath.Join(workDir, "bootstrap")
	buildOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), buildTimeout)
		defer cancel()
		buildErr = harness.BuildBootstrap(ctx, filepath.Join("..", "..", "function"), bin, "")
	})
	if buildErr != nil {
		t.Fatalf("build the function: %v", buildErr)
	}
	return bin
}

// sample is one of Amazon's sample message files.
type sample struct {
	// name is the file's path below sample_messages, such as
	// "PowerController/PowerController.TurnOn.request.json".
	name string
	path string
	data []byte
}

// isDirective reports whether the sample is a directive (Alexa to the
// skill) rather than a message a skill sends.
func (s sample) isDirective() bool {
	var top map[string]json.RawMessage
	return json.Unmarshal(s.data, &top) == nil && top["directive"] != nil
}

// samples reads every JSON file of Amazon's sample_messages, sorted by
// name; the test skips without Amazon's data.
func samples(t alexatest.T) []sample {
	t.Helper()
	root := alexatest.SamplesDir(t)
	var out []sample
	err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".json") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		out = append(out, sample{name: filepath.ToSlash(rel), path: path, data: data})
		return nil
	})
	if err != nil || len(out) == 0 {
		t.Fatalf("read Amazon's sample messages under %s (%d found): %v", root, len(out), err)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// sampleDirectives is every directive among Amazon's samples: the
// *.request.json files and ReportState.json. Fewer than least fails the
// test, as the checkout would look incomplete.
func sampleDirectives(t alexatest.T, least int) []sample {
	t.Helper()
	var out []sample
	for _, s := range samples(t) {
		if s.isDirective() {
			out = append(out, s)
		} else if strings.HasSuffix(s.name, ".request.json") {
			t.Fatalf("%s: named as a directive but holds none", s.name)
		}
	}
	if len(out) < least {
		t.Fatalf("found %d directives among Amazon's samples; want at least %d", len(out), least)
	}
	return out
}

// jsonEqual reports whether a and b hold the same JSON value, ignoring
// member order and white space.
func jsonEqual(t alexatest.T, a, b []byte) bool {
	t.Helper()
	var va, vb any
	if err := json.Unmarshal(a, &va); err != nil {
		t.Fatalf("first JSON: %v", err)
	}
	if err := json.Unmarshal(b, &vb); err != nil {
		t.Fatalf("second JSON: %v", err)
	}
	return reflect.DeepEqual(va, vb)
}

// mustMarshal encodes v, failing the test on error.
func mustMarshal(t alexatest.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}
