package repocheck

import (
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// CheckImports reports every import that breaks DESIGN.md's dependency
// rules, in every .go file of every module (test files included, with the
// test libraries allowed there), and every go.mod that carries a toolchain
// line, has a module path other than github.com/lee-engine/lee/<folder>,
// requires tools, or requires a sibling module without a replace to
// ../<sibling>. The error is for trees it cannot read at all.
func CheckImports(root string) ([]Finding, error) {
	mods, err := Modules(root)
	if err != nil {
		return nil, fmt.Errorf("check imports: %w", err)
	}
	var out []Finding
	for _, m := range mods {
		found, err := checkModuleImports(root, m)
		if err != nil {
			return nil, fmt.Errorf("check imports: %w", err)
		}
		out = append(out, found...)
		found, err = checkGoMod(root, m)
		if err != nil {
			return nil, fmt.Errorf("check imports: %w", err)
		}
		out = append(out, found...)
	}
	return out, nil
}

// checkModuleImports parses the imports of every Go file of the module.
// testdata, vendor, hidden folders and nested modules are not part of it.
func checkModuleImports(root string, m Module) ([]Finding, error) {
	files, err := moduleGoFiles(m.Dir)
	if err != nil {
		return nil, err
	}
	var out []Finding
	fset := token.NewFileSet()
	for _, path := range files {
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly|parser.SkipObjectResolution)
		if err != nil {
			out = append(out, Finding{Module: m.Name, File: rel(root, path),
				Message: fmt.Sprintf("cannot parse imports: %v", err)})
			continue
		}
		test := strings.HasSuffix(path, "_test.go")
		for _, spec := range f.Imports {
			imp, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				continue
			}
			if rule := importRule(m.Name, test, imp); rule != "" {
				out = append(out, Finding{Module: m.Name, File: rel(root, path),
					Message: fmt.Sprintf("imports %q: %s", imp, rule)})
			}
		}
	}
	return out, nil
}

// moduleGoFiles lists the module's .go files in a stable order.
func moduleGoFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path == dir {
				return nil
			}
			name := d.Name()
			if name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(d.Name(), ".go") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("walk module %s: %w", dir, err)
	}
	sort.Strings(files)
	return files, nil
}

// checkGoMod applies the go.mod rules to one module.
func checkGoMod(root string, m Module) ([]Finding, error) {
	gm, err := readGoMod(root, m)
	if err != nil || gm.finding != nil {
		return findingList(gm.finding), err
	}
	f := gm.file
	file := rel(root, filepath.Join(m.Dir, "go.mod"))
	var out []Finding
	add := func(format string, args ...any) {
		out = append(out, Finding{Module: m.Name, File: file, Message: fmt.Sprintf(format, args...)})
	}
	if got, want := modulePath(f), RepoPrefix+m.Name; got != want {
		add("module path %q: the module in folder %s must be %s", got, m.Name, want)
	}
	if f.Toolchain != nil {
		add("toolchain %s: a go.mod carries no toolchain line", f.Toolchain.Name)
	}
	replaces := replacements(f)
	for _, req := range f.Require {
		sibling, ok := repoModule(req.Mod.Path)
		if !ok {
			continue
		}
		if sibling == "tools" && m.Name != "tools" {
			add("requires %s: nothing imports tools", req.Mod.Path)
		}
		want := "../" + sibling
		got, ok := replaces[req.Mod.Path]
		switch {
		case !ok:
			add("requires %s with no replace: add `replace %s => %s` so it builds with GOWORK=off", req.Mod.Path, req.Mod.Path, want)
		case filepath.ToSlash(filepath.Clean(got)) != want:
			add("replace %s => %s: a sibling module is replaced by %s", req.Mod.Path, got, want)
		}
	}
	return out, nil
}

// findingList is the finding as a list: empty for nil.
func findingList(f *Finding) []Finding {
	if f == nil {
		return nil
	}
	return []Finding{*f}
}
