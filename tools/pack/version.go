package pack

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"strconv"
)

// versionPattern is what a package version must look like: it becomes part
// of a file name, so nothing beyond semantic-version characters is allowed.
var versionPattern = regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$`)

// ErrNoVersion is returned when a Go file declares no string constant
// named Version.
var ErrNoVersion = errors.New("no string constant Version")

// FunctionVersion reads the Version constant from a Go source file (the
// function module's version.go) without compiling it, so the package is
// named after the version the source declares rather than after the tool's
// own build.
func FunctionVersion(path string) (string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	if err != nil {
		return "", fmt.Errorf("read function version: %w", err)
	}
	for _, decl := range f.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.CONST {
			continue
		}
		if v, found := versionIn(gen); found {
			if err := checkVersion(v); err != nil {
				return "", fmt.Errorf("read function version from %s: %w", path, err)
			}
			return v, nil
		}
	}
	return "", fmt.Errorf("read function version from %s: %w", path, ErrNoVersion)
}

// versionIn finds `Version = "..."` among the specs of one const block.
func versionIn(gen *ast.GenDecl) (string, bool) {
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
	return "", false
}

func checkVersion(v string) error {
	if !versionPattern.MatchString(v) {
		return fmt.Errorf("version %q is not a semantic version like 1.2.3", v)
	}
	return nil
}
