package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/internal/alexatest"
)

// discoverySample is Amazon's Discover.Response inside the shared samples.
const discoverySample = "Discovery/Discovery.response.json"

func TestRunDiscoveryLint(t *testing.T) {
	sample := alexatest.SamplePath(t, discoverySample)
	schema := alexatest.SchemaPath(t)
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.json")
	if err := os.WriteFile(broken, []byte(`[{"endpointId":"a b","friendlyName":"x"}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	notJSON := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(notJSON, []byte(`<html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		args  []string
		code  int
		wants []string
	}{
		{"sample with the explicit schema", []string{"--schema", schema, sample}, 0,
			[]string{"10 endpoints, 0 errors, 0 warnings; schema: validated against"}},
		{"sample with the default schema of the repository", []string{sample}, 0,
			[]string{"schema: validated against", "alexa_smart_home_message_schema.json"}},
		{"no schema under the given root", []string{"--root", dir, sample}, 0,
			[]string{"schema: not found at", "structural checks only"}},
		{"broken endpoints", []string{"--schema", schema, broken}, 1,
			[]string{"error   a b: endpointId contains ' '", "has no description"}},
		{"two files", []string{broken, "extra"}, 2, nil},
		{"not JSON", []string{notJSON}, 2, nil},
		{"missing explicit schema", []string{"--schema", filepath.Join(dir, "none.json"), sample}, 2, nil},
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

func TestRunDiscoveryLintJSON(t *testing.T) {
	sample := alexatest.SamplePath(t, discoverySample)
	var stdout, stderr bytes.Buffer
	if code := runDiscoveryLint([]string{"--json", sample}, &stdout, &stderr); code != 0 {
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
	if !got.OK || got.Endpoints != 10 || !got.SchemaChecked {
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
