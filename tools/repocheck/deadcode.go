package repocheck

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// DeadcodeTool is the pinned deadcode command CheckDeadcode runs with
// `go run`: the Go team's whole-program reachability analysis.
const DeadcodeTool = "golang.org/x/tools/cmd/deadcode@v0.52.0"

// deadcodeFilter limits the report to the repository's own packages.
const deadcodeFilter = "^github.com/lee-engine/lee/"

// DeadFunc is one function deadcode finds unreachable from the program's
// main: Name is "F" or "T.M", File is relative to the repository root.
type DeadFunc struct {
	Package string
	Name    string
	File    string
	Line    int
}

// CheckDeadcode runs deadcode (DeadcodeTool) on the function module's main
// package, built as the bootstrap is (-tags lambda.norpc), and reports every
// function of the repository's modules that the Lambda binary cannot reach,
// unless it is an exported API its module's README.md documents by name.
// An unexported dead function is always a finding: nothing can call it.
// The error is for a tree deadcode cannot analyse (no go command, a
// compile error).
func CheckDeadcode(ctx context.Context, root string) ([]Finding, error) {
	dead, err := RunDeadcode(ctx, root)
	if err != nil {
		return nil, err
	}
	return judgeDeadFuncs(root, dead)
}

// RunDeadcode runs deadcode from root on ./function and returns what it
// reports for the repository's packages. Once the tool is in the module
// cache it is taken from there, with no network: the cache's download folder
// serves as the module proxy, and its files were verified against the
// checksum database when they came. Before that, the go command fetches it
// as the environment says (GOPROXY, GOSUMDB).
func RunDeadcode(ctx context.Context, root string) ([]DeadFunc, error) {
	cmd := exec.CommandContext(ctx, "go", "run", DeadcodeTool,
		"-json", "-tags", "lambda.norpc", "-filter", deadcodeFilter, "./function")
	cmd.Dir = root
	// The analysis needs the workspace whatever the caller's GOWORK says:
	// make test runs each module's tests with GOWORK=off.
	cmd.Env = append(os.Environ(), "GOWORK="+filepath.Join(root, "go.work"))
	if proxy, ok := cachedTool(ctx); ok {
		cmd.Env = append(cmd.Env, "GOPROXY="+proxy, "GOSUMDB=off")
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("deadcode: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return parseDeadcode(stdout.Bytes())
}

// cachedTool returns the module cache's download folder as a file:// proxy
// when it holds DeadcodeTool's module.
func cachedTool(ctx context.Context) (string, bool) {
	out, err := exec.CommandContext(ctx, "go", "env", "GOMODCACHE").Output()
	if err != nil {
		return "", false
	}
	download := filepath.Join(strings.TrimSpace(string(out)), "cache", "download")
	module, version, _ := strings.Cut(DeadcodeTool, "@")
	module = strings.TrimSuffix(module, "/cmd/deadcode")
	if _, err := os.Stat(filepath.Join(download, filepath.FromSlash(module), "@v", version+".zip")); err != nil {
		return "", false
	}
	return "file://" + filepath.ToSlash(download), true
}

// deadcodePackage is one element of deadcode -json's answer.
type deadcodePackage struct {
	Path  string
	Funcs []struct {
		Name     string
		Position struct {
			File string
			Line int
		}
		Generated bool
	}
}

// parseDeadcode reads deadcode -json's answer. Generated functions are left
// out: no one wrote them.
func parseDeadcode(out []byte) ([]DeadFunc, error) {
	var pkgs []deadcodePackage
	if err := json.Unmarshal(out, &pkgs); err != nil {
		return nil, fmt.Errorf("deadcode: unreadable -json answer: %v", err)
	}
	var dead []DeadFunc
	for _, p := range pkgs {
		for _, f := range p.Funcs {
			if f.Generated {
				continue
			}
			dead = append(dead, DeadFunc{Package: p.Path, Name: funcName(f.Name), File: filepath.ToSlash(f.Position.File), Line: f.Position.Line})
		}
	}
	return dead, nil
}

// funcName turns deadcode's "(*T).M" and "F[T any]" into "T.M" and "F".
func funcName(name string) string {
	if i := strings.IndexByte(name, '['); i > 0 {
		name = name[:i]
	}
	return strings.NewReplacer("(", "", ")", "", "*", "").Replace(name)
}

// judgeDeadFuncs keeps the dead functions that are neither exported nor
// named in their module's README.md. The module is the first folder of the
// function's file.
func judgeDeadFuncs(root string, dead []DeadFunc) ([]Finding, error) {
	readmes := map[string]string{}
	var out []Finding
	for _, f := range dead {
		module, _, _ := strings.Cut(f.File, "/")
		where := fmt.Sprintf("%s:%d", f.File, f.Line)
		if !exportedFunc(f.Name) {
			out = append(out, Finding{Module: module, File: where, Message: fmt.Sprintf("%s is unreachable from the function's main and unexported: delete it", f.Name)})
			continue
		}
		readme, ok := readmes[module]
		if !ok {
			b, err := os.ReadFile(filepath.Join(root, module, "README.md"))
			if err != nil && !os.IsNotExist(err) {
				return nil, err
			}
			readme = string(b)
			readmes[module] = readme
		}
		if !documents(readme, f.Name) {
			out = append(out, Finding{Module: module, File: where, Message: fmt.Sprintf("%s is unreachable from the function's main and %s names it nowhere: document it as API or delete it", f.Name, path.Join(module, "README.md"))})
		}
	}
	return out, nil
}

// exportedFunc tells whether name ("F" or "T.M") can be called from another
// package: F, or both T and M, exported.
func exportedFunc(name string) bool {
	for _, part := range strings.Split(name, ".") {
		r, _ := utf8.DecodeRuneInString(part)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// documents tells whether readme names every part of name ("F", or "T" and
// "M") as a whole word.
func documents(readme, name string) bool {
	for _, part := range strings.Split(name, ".") {
		if !regexp.MustCompile(`\b` + regexp.QuoteMeta(part) + `\b`).MatchString(readme) {
			return false
		}
	}
	return true
}
