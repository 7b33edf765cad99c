package repocheck

import (
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/mod/modfile"
)

// goModResult is a module's parsed go.mod, or the finding that says why it
// could not be parsed.
type goModResult struct {
	file    *modfile.File
	finding *Finding
}

// readGoMod parses the go.mod of m with the go command's own parser
// (golang.org/x/mod/modfile). A file that does not parse is a finding; the
// error is for a file that cannot be read at all.
func readGoMod(root string, m Module) (goModResult, error) {
	path := filepath.Join(m.Dir, "go.mod")
	data, err := os.ReadFile(path)
	if err != nil {
		return goModResult{}, fmt.Errorf("read %s: %w", path, err)
	}
	name := rel(root, path)
	f, err := modfile.Parse(name, data, nil)
	if err != nil {
		return goModResult{finding: &Finding{Module: m.Name, File: name, Message: err.Error()}}, nil
	}
	return goModResult{file: f}, nil
}

// modulePath is the path the module line of f declares, "" when it has none.
func modulePath(f *modfile.File) string {
	if f.Module == nil {
		return ""
	}
	return f.Module.Mod.Path
}

// replacements maps each replaced module path of f to its replacement.
func replacements(f *modfile.File) map[string]string {
	out := make(map[string]string, len(f.Replace))
	for _, r := range f.Replace {
		out[r.Old.Path] = r.New.Path
	}
	return out
}
