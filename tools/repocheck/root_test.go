package repocheck

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestFindRoot(t *testing.T) {
	root := goodTree().write(t)
	deep := filepath.Join(root, "cache", "internal", "lru")
	tests := []struct {
		name  string
		start string
	}{
		{"root itself", root},
		{"module folder", filepath.Join(root, "cache")},
		{"nested package", deep},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := FindRoot(tc.start)
			if err != nil {
				t.Fatal(err)
			}
			if got != root {
				t.Errorf("FindRoot(%s) = %s, want %s", tc.start, got, root)
			}
		})
	}
}

func TestFindRootOutsideWorkspace(t *testing.T) {
	dir := t.TempDir()
	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "go.work")); err == nil {
		t.Fatalf("test precondition: a go.work sits above %s", dir)
	}
	_, err := FindRoot(dir)
	if !errors.Is(err, ErrNoRoot) {
		t.Fatalf("FindRoot outside a workspace: err = %v, want ErrNoRoot", err)
	}
}

func TestModulesAreDiscovered(t *testing.T) {
	tr := goodTree()
	addModule(tr, "newmod", "0.1.0")
	tr["notamodule/readme.md"] = "x"
	mods, err := Modules(tr.write(t))
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, m := range mods {
		names[m.Name] = true
	}
	if !names["newmod"] || names["notamodule"] || len(mods) != 15 {
		t.Errorf("modules = %v", names)
	}
}
