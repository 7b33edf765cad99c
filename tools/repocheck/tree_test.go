package repocheck

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tree is a repository in memory: slash path → file content.
type tree map[string]string

// goodTree returns a small repository that follows every rule: all the
// interface modules plus gateway, function and tools, with the imports the
// rules allow.
func goodTree() tree {
	t := tree{"go.work": "go 1.26\n"}
	var manifest strings.Builder
	manifest.WriteString("modules:\n")
	names := append(InterfaceModules(), "gateway", "function", "tools")
	for _, n := range names {
		addModule(t, n, "0.1.0")
		fmt.Fprintf(&manifest, "  %s: 0.1.0\n", n)
	}
	t["versions.yaml"] = manifest.String()
	t["cache/cache.go"] = "package cache\n\nimport (\n\t\"time\"\n\n\tgocache \"github.com/patrickmn/go-cache\"\n)\n\nvar _ = gocache.New\nvar _ time.Duration\n"
	t["cache/internal/lru/lru.go"] = "package lru\n\nimport \"github.com/lee-engine/lee/cache\"\n\nvar _ = cache.Version\n"
	t["cache/cache_test.go"] = "package cache\n\nimport (\n\t\"testing\"\n\n\t\"go.uber.org/goleak\"\n\t\"pgregory.net/rapid\"\n)\n"
	t["config/ssm.go"] = "package config\n\nimport (\n\t\"github.com/aws/aws-sdk-go-v2/service/ssm\"\n\t\"github.com/aws/smithy-go\"\n)\n"
	t["security/event.go"] = "package security\n\nimport \"github.com/lee-engine/lee/utility\"\n\nvar _ = utility.LeadingByte\n"
	t["security/go.mod"] = goModText("security", "utility")
	t["gateway/gateway.go"] = "package gateway\n\nimport (\n\t\"github.com/lee-engine/lee/cache\"\n\t\"github.com/lee-engine/lee/logging\"\n)\n"
	t["gateway/go.mod"] = goModText("gateway", "cache", "logging")
	t["function/main.go"] = "package main\n\nimport (\n\t\"github.com/aws/aws-lambda-go/lambda\"\n\t\"github.com/lee-engine/lee/gateway\"\n)\n"
	t["function/main_test.go"] = "package main\n\nimport \"github.com/santhosh-tekuri/jsonschema/v6\"\n"
	t["function/go.mod"] = goModText("function", "gateway", "cache", "logging")
	t["tools/cmd/lee/main.go"] = "package main\n\nimport (\n\t\"github.com/lee-engine/lee/function\"\n\t\"go.yaml.in/yaml/v3\"\n)\n"
	t["tools/testdata/bad.go"] = "package bad\n\nimport \"github.com/lee-engine/lee/tools\"\n"
	return t
}

// addModule adds a module folder with the files every module carries.
func addModule(t tree, name, version string) {
	t[name+"/go.mod"] = goModText(name)
	t[name+"/doc.go"] = "// Package " + name + " is a test module.\npackage " + name + "\n"
	t[name+"/version.go"] = "package " + name + "\n\n// Version is the module version.\nconst Version = \"" + version + "\"\n"
	t[name+"/README.md"] = "# " + name + "\n"
	t[name+"/CHANGELOG.md"] = "# Changelog\n\n## Unreleased\n\n## " + version + " — 2026-11-30\n\n- First version.\n\n## 0.0.1\n"
}

// goModText renders a go.mod for module name requiring the given siblings, each
// replaced by ../<sibling>.
func goModText(name string, siblings ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "module %s%s\n\ngo 1.26\n", RepoPrefix, name)
	if len(siblings) == 0 {
		return b.String()
	}
	b.WriteString("\nrequire (\n")
	for _, s := range siblings {
		fmt.Fprintf(&b, "\t%s%s v0.1.0 // indirect\n", RepoPrefix, s)
	}
	b.WriteString(")\n\nreplace (\n")
	for _, s := range siblings {
		fmt.Fprintf(&b, "\t%s%s => ../%s\n", RepoPrefix, s, s)
	}
	b.WriteString(")\n")
	return b.String()
}

// write materialises the tree in a fresh temporary folder and returns it.
func (tr tree) write(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for p, content := range tr {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// findingLines renders findings one per line for failure messages.
func findingLines(fs []Finding) string {
	lines := make([]string, len(fs))
	for i, f := range fs {
		lines[i] = f.String()
	}
	return strings.Join(lines, "\n")
}

// expectOneFinding asserts exactly one finding that names file and contains
// every one of wants.
func expectOneFinding(t *testing.T, got []Finding, file string, wants ...string) {
	t.Helper()
	if len(got) != 1 {
		t.Fatalf("want exactly one finding, got %d:\n%s", len(got), findingLines(got))
	}
	if got[0].File != file {
		t.Errorf("finding names file %q, want %q: %s", got[0].File, file, got[0])
	}
	for _, w := range wants {
		if !strings.Contains(got[0].String(), w) {
			t.Errorf("finding %q does not mention %q", got[0], w)
		}
	}
}
