package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeCheckTree writes a one-module workspace; brokenVersion, when set,
// becomes the newest CHANGELOG entry, and badImport makes the module import
// the tools module.
func writeCheckTree(t *testing.T, brokenVersion string, badImport bool) string {
	t.Helper()
	changelog := "## 0.1.0\n"
	if brokenVersion != "" {
		changelog = "## " + brokenVersion + "\n"
	}
	files := map[string]string{
		"go.work":              "go 1.26\n",
		"versions.yaml":        "modules:\n  utility: 0.1.0\n",
		"utility/go.mod":       "module github.com/lee-engine/lee/utility\n\ngo 1.26\n",
		"utility/doc.go":       "// Package utility is small.\npackage utility\n",
		"utility/version.go":   "package utility\n\nconst Version = \"0.1.0\"\n",
		"utility/README.md":    "# utility\n",
		"utility/CHANGELOG.md": changelog,
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
		{"both pass", "", false, nil, 0, []string{"check versions: ok", "check imports: ok"}},
		{"versions only, flag after the word", "0.2.0", false, []string{"versions"}, 1,
			[]string{"utility/CHANGELOG.md: module utility", "0.2.0", "check versions: 1 problem(s)"}},
		{"imports only", "0.2.0", true, []string{"imports"}, 1,
			[]string{"utility/x.go: imports \"github.com/lee-engine/lee/tools\"", "check imports: 1 problem(s)"}},
		{"unknown check", "", false, []string{"spelling"}, 2, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := writeCheckTree(t, tc.version, tc.badImport)
			args := append(append([]string{}, tc.args...), "--root", root)
			var stdout, stderr bytes.Buffer
			code := runCheck(args, &stdout, &stderr)
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
