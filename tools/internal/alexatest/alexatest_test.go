package alexatest_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/internal/alexatest"
)

// recorder is a T that records a fatal failure instead of ending the test,
// so the helpers' failures can be checked. Fatalf stops the calling
// goroutine, as testing.T's does, so nothing after it runs.
type recorder struct {
	failed string
}

func (r *recorder) Helper() {}

func (r *recorder) Fatalf(format string, args ...any) {
	r.failed = fmt.Sprintf(format, args...)
	panic(r)
}

// run calls f with a fresh recorder and returns what it failed with, "" when
// it did not fail.
func run(f func(alexatest.T)) (failed string) {
	r := &recorder{}
	defer func() {
		if v := recover(); v != nil && v != r {
			panic(v)
		}
		failed = r.failed
	}()
	f(r)
	return ""
}

func TestFindsTheSharedData(t *testing.T) {
	dir := alexatest.Dir(t)
	want, err := filepath.Abs(filepath.Join("..", "..", "..", "..", "shared", "alexa"))
	if err != nil {
		t.Fatal(err)
	}
	if dir != want {
		t.Errorf("Dir = %s, want %s", dir, want)
	}
	if got := alexatest.SamplesDir(t); got != filepath.Join(want, "sample_messages") {
		t.Errorf("SamplesDir = %s", got)
	}
	if _, err := os.Stat(alexatest.SchemaPath(t)); err != nil {
		t.Errorf("SchemaPath: %v", err)
	}
	const turnOn = "PowerController/PowerController.TurnOn.response.json"
	if got := alexatest.SamplePath(t, turnOn); got != filepath.Join(want, "sample_messages", filepath.FromSlash(turnOn)) {
		t.Errorf("SamplePath = %s", got)
	}
	sample := alexatest.ReadSample(t, turnOn)
	if err := alexatest.Schema(t).Validate(sample); err != nil {
		t.Errorf("Amazon's own TurnOn response is not valid: %v", err)
	}
	if alexatest.Schema(t) != alexatest.Schema(t) {
		t.Error("the schema is compiled more than once")
	}
	if err := alexatest.Schema(t).Validate([]byte(`{"event":{}}`)); err == nil {
		t.Error("an empty event passed the schema")
	}
}

func TestFailsWithoutTheData(t *testing.T) {
	tests := []struct {
		name     string
		workFile bool // whether the working directory holds go.work
		want     string
	}{
		{"outside any repository", false, "cannot find the repository"},
		{"repository without shared/alexa beside it", true, "Alexa test data is missing"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			repo := filepath.Join(t.TempDir(), "repo")
			if err := os.Mkdir(repo, 0o755); err != nil {
				t.Fatal(err)
			}
			if tc.workFile {
				if err := os.WriteFile(filepath.Join(repo, "go.work"), []byte("go 1.26\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			t.Chdir(repo)
			if failed := run(func(r alexatest.T) { alexatest.Dir(r) }); !strings.Contains(failed, tc.want) {
				t.Errorf("Dir failed with %q, want %q", failed, tc.want)
			}
		})
	}
}

func TestFailsOnAMissingSample(t *testing.T) {
	tests := map[string]func(alexatest.T){
		"SamplePath": func(r alexatest.T) { alexatest.SamplePath(r, "Nothing/none.json") },
		"ReadSample": func(r alexatest.T) { alexatest.ReadSample(r, "Nothing/none.json") },
	}
	for name, f := range tests {
		t.Run(name, func(t *testing.T) {
			if failed := run(f); !strings.Contains(failed, "none.json") {
				t.Errorf("%s of a missing file failed with %q", name, failed)
			}
		})
	}
}
