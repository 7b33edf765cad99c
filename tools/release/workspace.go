package release

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/mod/modfile"

	"github.com/lee-engine/lee/tools/repocheck"
)

// wsModule is one module of the workspace as a release sees it.
type wsModule struct {
	name     string          // folder name, e.g. "cache"
	path     string          // module path, github.com/lee-engine/lee/<name>
	dir      string          // absolute folder
	version  string          // X.Y.Z from versions.yaml
	requires map[string]bool // sibling modules its go.mod requires (any require line)
}

// workspace is every module of a repository, with versions.yaml's versions
// and the sibling requirements of the go.mod files.
type workspace struct {
	root string
	mods map[string]*wsModule
}

// ErrUnknownModule reports a module name with no <name>/go.mod.
var ErrUnknownModule = errors.New("unknown module")

// loadWorkspace reads versions.yaml and every */go.mod under root.
func loadWorkspace(root string) (*workspace, error) {
	found, err := repocheck.Modules(root)
	if err != nil {
		return nil, err
	}
	versions, err := repocheck.ReadManifest(root)
	if err != nil {
		return nil, err
	}
	ws := &workspace{root: root, mods: make(map[string]*wsModule, len(found))}
	for _, m := range found {
		version, ok := versions[m.Name]
		if !ok {
			return nil, fmt.Errorf("%s lists no version for module %s", repocheck.ManifestFile, m.Name)
		}
		f, err := parseGoMod(filepath.Join(m.Dir, "go.mod"))
		if err != nil {
			return nil, err
		}
		mod := &wsModule{name: m.Name, path: repocheck.RepoPrefix + m.Name, dir: m.Dir, version: version, requires: map[string]bool{}}
		for _, r := range f.Require {
			if sibling, ok := strings.CutPrefix(r.Mod.Path, repocheck.RepoPrefix); ok && !strings.Contains(sibling, "/") {
				mod.requires[sibling] = true
			}
		}
		ws.mods[m.Name] = mod
	}
	return ws, nil
}

// parseGoMod reads and parses one go.mod file.
func parseGoMod(path string) (*modfile.File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	f, err := modfile.Parse(path, data, nil)
	if err != nil {
		return nil, fmt.Errorf("parse go.mod: %w", err)
	}
	return f, nil
}

// module returns the named module, or ErrUnknownModule naming the known ones.
func (ws *workspace) module(name string) (*wsModule, error) {
	if m, ok := ws.mods[name]; ok {
		return m, nil
	}
	return nil, fmt.Errorf("%w %q (the modules are %s)", ErrUnknownModule, name, strings.Join(ws.names(), ", "))
}

// names lists the modules alphabetically.
func (ws *workspace) names() []string {
	names := make([]string, 0, len(ws.mods))
	for n := range ws.mods {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// order lists the modules dependencies first, in layers: first the modules
// that require no sibling, then those that require only modules of the
// first layer, and so on; alphabetically within a layer, so the order is
// the same on every run.
func (ws *workspace) order() ([]string, error) {
	placed := make(map[string]bool, len(ws.mods))
	var out []string
	for len(out) < len(ws.mods) {
		var layer []string
		for _, n := range ws.names() {
			if !placed[n] && ws.requiresPlaced(n, placed) {
				layer = append(layer, n)
			}
		}
		if len(layer) == 0 {
			return nil, fmt.Errorf("the go.mod files require each other in a cycle among %s", strings.Join(unplaced(ws.names(), placed), ", "))
		}
		for _, n := range layer {
			placed[n] = true
		}
		out = append(out, layer...)
	}
	return out, nil
}

// requiresPlaced reports whether every workspace sibling n requires is placed.
func (ws *workspace) requiresPlaced(n string, placed map[string]bool) bool {
	for r := range ws.mods[n].requires {
		if _, inWorkspace := ws.mods[r]; inWorkspace && !placed[r] && r != n {
			return false
		}
	}
	return true
}

func unplaced(names []string, placed map[string]bool) []string {
	var out []string
	for _, n := range names {
		if !placed[n] {
			out = append(out, n)
		}
	}
	return out
}

// dependents lists, in dependency order, the modules whose go.mod requires
// the named one.
func (ws *workspace) dependents(name string, order []string) []string {
	var out []string
	for _, n := range order {
		if n != name && ws.mods[n].requires[name] {
			out = append(out, n)
		}
	}
	return out
}
