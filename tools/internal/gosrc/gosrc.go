package gosrc

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Const is a top-level constant whose value is a string literal.
type Const struct {
	// Name is the constant's identifier.
	Name string
	// Value is the literal, unquoted.
	Value string
	// File is the path of the declaring file, as given to StringConsts.
	File string
	// Start and End are the byte offsets in File of the literal, quotes
	// included, so that a tool can rewrite the value and nothing else.
	Start, End int
}

// StringConsts parses the Go file at path and returns, in source order, its
// top-level constants that keep accepts by name and whose value is a plain
// string literal (interpreted or raw). Anything else, such as a var, a
// number or an expression, is passed over: a declaration spelled otherwise
// must not pass for one.
func StringConsts(path string, keep func(name string) bool) ([]Const, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	var out []Const
	for _, decl := range f.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.CONST {
			continue
		}
		for _, spec := range gen.Specs {
			if vs, ok := spec.(*ast.ValueSpec); ok {
				out = appendStrings(out, fset, path, vs, keep)
			}
		}
	}
	return out, nil
}

// appendStrings adds the string-literal constants of one spec (which may
// declare several names at once) that keep accepts.
func appendStrings(out []Const, fset *token.FileSet, path string, vs *ast.ValueSpec, keep func(string) bool) []Const {
	for i, name := range vs.Names {
		if i >= len(vs.Values) || !keep(name.Name) {
			continue
		}
		lit, ok := vs.Values[i].(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			continue
		}
		if v, err := strconv.Unquote(lit.Value); err == nil {
			out = append(out, Const{Name: name.Name, Value: v, File: path,
				Start: fset.Position(lit.Pos()).Offset, End: fset.Position(lit.End()).Offset})
		}
	}
	return out
}

// Named returns a keep function for StringConsts that accepts only name.
func Named(name string) func(string) bool {
	return func(n string) bool { return n == name }
}

// PackageConst returns the first string constant called name among the
// non-test files of the package in dir (in PackageFiles order), and false
// when none declares it.
func PackageConst(dir, name string) (Const, bool, error) {
	paths, err := PackageFiles(dir)
	if err != nil {
		return Const{}, false, err
	}
	for _, path := range paths {
		consts, err := StringConsts(path, Named(name))
		if err != nil {
			return Const{}, false, err
		}
		if len(consts) > 0 {
			return consts[0], true, nil
		}
	}
	return Const{}, false, nil
}

// PackageFiles lists the paths of the non-test Go files directly in dir,
// sorted, so that whatever is found first is found first on every run.
func PackageFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read package folder %s: %w", dir, err)
	}
	var paths []string
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		paths = append(paths, filepath.Join(dir, n))
	}
	sort.Strings(paths)
	return paths, nil
}
