package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/internal/alexa"
	"github.com/lee-engine/lee/tools/internal/alexatest"
)

// discoverySample is Amazon's Discover.Response among its samples.
const discoverySample = "Discovery/Discovery.response.json"

// writeFile writes content to a file of a fresh folder and returns its path.
func writeFile(t *testing.T, name string, content []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestRunDiscoveryLint runs the command on the project's Discovery answer
// fixture and on broken input, without Amazon's data.
func TestRunDiscoveryLint(t *testing.T) {
	t.Setenv(alexa.DataEnv, "")
	fixture := writeFile(t, "discovery.json", alexatest.Answer(t, "Discovery.Discover"))
	broken := writeFile(t, "broken.json", []byte(`[{"endpointId":"a b","friendlyName":"x"}]`))
	notJSON := writeFile(t, "bad.json", []byte(`<html>`))
	noRepo := t.TempDir()
	tests := []struct {
		name  string
		args  []string
		code  int
		wants []string
	}{
		{"fixture without Amazon's schema", []string{"--root", noRepo, fixture}, 0,
			[]string{"5 endpoints, 0 errors, 0 warnings", "schema: no Amazon Alexa data", "set LEE_ALEXA_DATA", "structural checks only"}},
		{"broken endpoints", []string{"--root", noRepo, broken}, 1,
			[]string{"error   a b: endpointId contains ' '", "has no description"}},
		{"two files", []string{broken, "extra"}, 2, nil},
		{"not JSON", []string{notJSON}, 2, nil},
		{"missing explicit schema", []string{"--schema", filepath.Join(noRepo, "none.json"), fixture}, 2, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := runDiscoveryLint(tc.args, &stdout, &stderr)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, stdout.String(), stderr.String())
			}
			for _, w := range tc.wants {
				if !strings.Contains(stdout.String(), w) {
					t.Errorf("stdout lacks %q:\n%s", w, stdout.String())
				}
			}
		})
	}
}

// TestRunDiscoveryLintAmazonSchema runs the command with Amazon's schema,
// given and found, on Amazon's sample and on the project's fixture.
func TestRunDiscoveryLintAmazonSchema(t *testing.T) {
	sample := alexatest.SamplePath(t, discoverySample)
	schema := alexatest.SchemaPath(t)
	fixture := writeFile(t, "discovery.json", alexatest.Answer(t, "Discovery.Discover"))
	tests := []struct {
		name  string
		args  []string
		wants []string
	}{
		{"sample with the explicit schema", []string{"--schema", schema, sample}, []string{"10 endpoints, 0 errors, 0 warnings; schema: validated against"}},
		{"sample with the schema found", []string{sample}, []string{"schema: validated against", "alexa_smart_home_message_schema.json"}},
		{"project fixture with the schema found", []string{fixture}, []string{"5 endpoints, 0 errors, 0 warnings; schema: validated against"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := runDiscoveryLint(tc.args, &stdout, &stderr); code != 0 {
				t.Fatalf("exit %d, want 0\nstdout: %s\nstderr: %s", code, stdout.String(), stderr.String())
			}
			for _, w := range tc.wants {
				if !strings.Contains(stdout.String(), w) {
					t.Errorf("stdout lacks %q:\n%s", w, stdout.String())
				}
			}
		})
	}
}

func TestRunDiscoveryLintJSON(t *testing.T) {
	fixture := writeFile(t, "discovery.json", alexatest.Answer(t, "Discovery.Discover"))
	var stdout, stderr bytes.Buffer
	if code := runDiscoveryLint([]string{"--json", fixture}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var got struct {
		OK            bool `json:"ok"`
		Endpoints     int  `json:"endpoints"`
		SchemaChecked bool `json:"schemaChecked"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout.String())
	}
	if !got.OK || got.Endpoints != 5 || got.SchemaChecked != (alexatest.OptionalSchema(t) != nil) {
		t.Errorf("report %+v", got)
	}
}

// TestRunDiscoveryLintNoEndpoints: `[]` is named for what it is.
func TestRunDiscoveryLintNoEndpoints(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.json")
	if err := os.WriteFile(empty, []byte("[]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := runDiscoveryLint([]string{"--root", dir, empty}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d, want 0 (an empty list is valid)\nstdout: %s\nstderr: %s", code, stdout.String(), stderr.String())
	}
	if !strings.Contains(stdout.String(), "warning response: no endpoints: Alexa discovers no device") {
		t.Errorf("stdout does not say there are no endpoints:\n%s", stdout.String())
	}
}
