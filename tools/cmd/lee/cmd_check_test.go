package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/internal/alexa"
	"github.com/lee-engine/lee/tools/repocheck"
)

// writeCheckTree writes a workspace of utility, gateway and a function main
// that calls all of them; brokenVersion, when set,
// becomes the newest CHANGELOG entry, and badImport makes the module import
// the tools module.
func writeCheckTree(t *testing.T, brokenVersion string, badImport bool) string {
	t.Helper()
	changelog := "## 0.1.0\n"
	if brokenVersion != "" {
		changelog = "## " + brokenVersion + "\n"
	}
	files := map[string]string{
		"go.work":               "go 1.26\n\nuse (\n\t./function\n\t./gateway\n\t./utility\n)\n",
		"versions.yaml":         "modules:\n  function: 0.1.0\n  gateway: 0.1.0\n  utility: 0.1.0\n",
		"utility/go.mod":        "module github.com/lee-engine/lee/utility\n\ngo 1.26\n",
		"utility/doc.go":        "// Package utility is small.\npackage utility\n",
		"utility/version.go":    "package utility\n\nconst Version = \"0.1.0\"\n",
		"utility/README.md":     "# utility\n",
		"utility/CHANGELOG.md":  changelog,
		"utility/id.go":         "package utility\n\nfunc ID() string { return \"id\" }\n",
		"gateway/go.mod":        "module github.com/lee-engine/lee/gateway\n\ngo 1.26\n\nrequire github.com/lee-engine/lee/utility v0.1.0\n\nreplace github.com/lee-engine/lee/utility => ../utility\n",
		"gateway/doc.go":        "// Package gateway is small.\npackage gateway\n",
		"gateway/version.go":    "package gateway\n\nconst Version = \"0.1.0\"\n",
		"gateway/gateway.go":    "package gateway\n\nimport \"github.com/lee-engine/lee/utility\"\n\nfunc ID() string { return utility.ID() + utility.Version }\n",
		"gateway/README.md":     "# gateway\n",
		"gateway/CHANGELOG.md":  "## 0.1.0\n",
		"function/go.mod":       "module github.com/lee-engine/lee/function\n\ngo 1.26\n\nrequire (\n\tgithub.com/lee-engine/lee/gateway v0.1.0\n\tgithub.com/lee-engine/lee/utility v0.1.0\n)\n\nreplace github.com/lee-engine/lee/gateway => ../gateway\n\nreplace github.com/lee-engine/lee/utility => ../utility\n",
		"function/doc.go":       "// Command function is small.\npackage main\n",
		"function/version.go":   "package main\n\nconst Version = \"0.1.0\"\n",
		"function/main.go":      "package main\n\nimport \"github.com/lee-engine/lee/gateway\"\n\nfunc main() { println(gateway.ID(), gateway.Version, Version) }\n",
		"function/README.md":    "# function\n",
		"function/CHANGELOG.md": "## 0.1.0\n",
	}
	if badImport {
		files["utility/x.go"] = "package utility\n\nimport _ \"github.com/lee-engine/lee/tools\"\n"
	}
	root := t.TempDir()
	for name, content := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestRunCheck(t *testing.T) {
	tests := []struct {
		name      string
		version   string
		badImport bool
		args      []string
		code      int
		wants     []string
	}{
		{"all pass", "", false, nil, 0, []string{"check versions: ok", "check imports: ok", "check docs: ok", "check deadcode: ok"}},
		{"versions only, flag after the word", "0.2.0", false, []string{"versions"}, 1,
			[]string{"utility/CHANGELOG.md: module utility", "0.2.0", "check versions: 1 problem(s)"}},
		{"imports only", "0.2.0", true, []string{"imports"}, 1,
			[]string{"utility/x.go: imports \"github.com/lee-engine/lee/tools\"", "check imports: 1 problem(s)"}},
		{"unknown check", "", false, []string{"spelling"}, 2, nil},
	}
	// deadcode comes from the module cache (make check downloads it first),
	// never the network.
	t.Setenv("GOPROXY", "off")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := writeCheckTree(t, tc.version, tc.badImport)
			args := append(append([]string{}, tc.args...), "--root", root)
			var stdout, stderr bytes.Buffer
			code := runCheck(args, &stdout, &stderr)
			if code == 2 && os.Getenv("CI") != "true" && strings.Contains(stderr.String(), "GOPROXY=off") {
				t.Skipf("skipping: %s is not in the module cache (make check downloads it): %s", repocheck.DeadcodeTool, stderr.String())
			}
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, stdout.String(), stderr.String())
			}
			for _, w := range tc.wants {
				if !strings.Contains(stdout.String(), w) {
					t.Errorf("stdout lacks %q:\n%s", w, stdout.String())
				}
			}
			if tc.name == "imports only" && strings.Contains(stdout.String(), "check versions") {
				t.Errorf("imports-only run also checked versions:\n%s", stdout.String())
			}
		})
	}
}

func TestRunCheckBadRoot(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := runCheck([]string{"--root", filepath.Join(t.TempDir(), "absent")}, &stdout, &stderr); code != 2 {
		t.Fatalf("exit %d for a missing root, want 2", code)
	}
}

// TestConformancePackage checks that the package `lee check alexa-data`
// names as the suite's home is there, with tests.
func TestConformancePackage(t *testing.T) {
	root, err := repocheck.FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	tests, err := filepath.Glob(filepath.Join(root, filepath.FromSlash(conformancePackage), "*_test.go"))
	if err != nil || len(tests) == 0 {
		t.Errorf("%s holds no tests (%v): the suite moved?", conformancePackage, err)
	}
}

// TestRunCheckAlexaData checks the line `make test` ends with, for each
// outcome of the lookup the tests use.
func TestRunCheckAlexaData(t *testing.T) {
	withShared := func(t *testing.T) string {
		root := writeCheckTree(t, "", false)
		for _, dir := range []string{"sample_messages", "validation_schemas"} {
			if err := os.MkdirAll(filepath.Join(root, "..", "shared", "alexa", dir), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		schema := filepath.Join(root, "..", "shared", "alexa", filepath.FromSlash(alexa.SchemaFile))
		if err := os.WriteFile(schema, []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
		return root
	}
	tests := []struct {
		name   string
		root   func(t *testing.T) string
		env    string
		code   int
		stdout string
	}{
		{"no data", func(t *testing.T) string { return writeCheckTree(t, "", false) }, "", 0,
			"Amazon's Alexa conformance suite (tools/conformance and the Amazon-data tests of the other tools packages): skipped: no Alexa data; set LEE_ALEXA_DATA to the absolute path of a checkout"},
		{"shared folder", withShared, "", 0, "Amazon's Alexa conformance suite (tools/conformance and the Amazon-data tests of the other tools packages): ran, data from "},
		{"variable naming an empty folder", withShared, "empty", 1, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := tc.root(t)
			env := tc.env
			if env != "" {
				env = t.TempDir()
			}
			t.Setenv(alexa.DataEnv, env)
			var stdout, stderr bytes.Buffer
			code := runCheck([]string{"alexa-data", "--root", root}, &stdout, &stderr)
			if code != tc.code || !strings.Contains(stdout.String(), tc.stdout) || strings.Count(stdout.String(), "\n") > 1 {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d and one line with %q", code, stdout.String(), stderr.String(), tc.code, tc.stdout)
			}
			if tc.code == 1 && !strings.Contains(stderr.String(), alexa.DataEnv) {
				t.Errorf("stderr %q does not name %s", stderr.String(), alexa.DataEnv)
			}
		})
	}
}
