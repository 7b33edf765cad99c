package repocheck

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

// versionConst is where a module declares `const Version = "X.Y.Z"`.
type versionConst struct {
	value string // the unquoted literal; "" when not found
	file  string // absolute path of the declaring file
}

// findVersionConst parses the non-test Go files of the module's root package
// and returns the Version constant. Parsing instead of grepping keeps a
// commented-out or differently spelled declaration from passing as one.
func findVersionConst(dir string) (versionConst, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return versionConst{}, fmt.Errorf("read module folder %s: %w", dir, err)
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		names = append(names, n)
	}
	sort.Strings(names)
	fset := token.NewFileSet()
	for _, n := range names {
		path := filepath.Join(dir, n)
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return versionConst{}, fmt.Errorf("parse %s: %w", path, err)
		}
		if v, ok := versionInFile(f); ok {
			return versionConst{value: v, file: path}, nil
		}
	}
	return versionConst{}, nil
}

// versionInFile looks for a top-level constant named Version whose value is a
// string literal.
func versionInFile(f *ast.File) (string, bool) {
	for _, decl := range f.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.CONST {
			continue
		}
		for _, spec := range gen.Specs {
			vs, ok := spec.(*ast.ValueSpec)
			if !ok {
				continue
			}
			for i, name := range vs.Names {
				if name.Name != "Version" || i >= len(vs.Values) {
					continue
				}
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					continue
				}
				v, err := strconv.Unquote(lit.Value)
				if err != nil {
					continue
				}
				return v, true
			}
		}
	}
	return "", false
}
