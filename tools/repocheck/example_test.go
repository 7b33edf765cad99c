package repocheck_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/lee-engine/lee/tools/repocheck"
)

// ExampleCheckVersions checks a one-module repository whose changelog has
// moved ahead of the module's Version constant and versions.yaml.
func ExampleCheckVersions() {
	root, err := os.MkdirTemp("", "repocheck-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(root)
	files := map[string]string{
		"go.work":            "go 1.26\n",
		"versions.yaml":      "modules:\n  cache: 0.1.0\n",
		"cache/go.mod":       "module github.com/lee-engine/lee/cache\n\ngo 1.26\n",
		"cache/doc.go":       "// Package cache caches.\npackage cache\n",
		"cache/version.go":   "package cache\n\nconst Version = \"0.1.0\"\n",
		"cache/README.md":    "# cache\n",
		"cache/CHANGELOG.md": "# Changelog\n\n## 0.2.0\n\n## 0.1.0\n",
	}
	for name, content := range files {
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			fmt.Println(err)
			return
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			fmt.Println(err)
			return
		}
	}
	findings, err := repocheck.CheckVersions(root)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range findings {
		fmt.Println(f)
	}
	// Output:
	// cache/CHANGELOG.md: module cache: cache/CHANGELOG.md newest entry is 0.2.0 but cache/version.go Version is 0.1.0
}
