package repocheck

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// ErrNoRoot reports that no folder holding go.work encloses the start folder,
// i.e. the command runs outside the LEE workspace.
var ErrNoRoot = errors.New("no go.work found in this folder or any parent")

// FindRoot walks up from start to the first folder that holds go.work, the
// workspace root every check works from.
func FindRoot(start string) (string, error) {
	dir, err := filepath.Abs(start)
	if err != nil {
		return "", fmt.Errorf("find root from %s: %w", start, err)
	}
	for {
		info, err := os.Stat(filepath.Join(dir, "go.work"))
		if err == nil && !info.IsDir() {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("find root from %s: %w", start, ErrNoRoot)
		}
		dir = parent
	}
}

// Module is one Go module of the workspace: a top-level folder with a go.mod.
type Module struct {
	// Name is the folder name, which is also the last element of the module
	// path github.com/lee-engine/lee/<Name>.
	Name string
	// Dir is the absolute folder of the module.
	Dir string
}

// Modules lists the modules under root by globbing */go.mod, sorted by name,
// so that no list of modules has to be kept by hand.
func Modules(root string) ([]Module, error) {
	matches, err := filepath.Glob(filepath.Join(root, "*", "go.mod"))
	if err != nil {
		return nil, fmt.Errorf("list modules under %s: %w", root, err)
	}
	mods := make([]Module, 0, len(matches))
	for _, m := range matches {
		dir := filepath.Dir(m)
		mods = append(mods, Module{Name: filepath.Base(dir), Dir: dir})
	}
	sort.Slice(mods, func(i, j int) bool { return mods[i].Name < mods[j].Name })
	return mods, nil
}

// rel renders path relative to root with forward slashes for findings; it
// falls back to the path itself when the two share no base.
func rel(root, path string) string {
	r, err := filepath.Rel(root, path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(r)
}
