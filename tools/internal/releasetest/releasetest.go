package releasetest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Prefix is the module path prefix of the repository's modules.
const Prefix = "github.com/lee-engine/lee/"

// Version is the version every module of a new Repo has.
const Version = "0.1.0"

// requires maps each module of a Repo to the siblings its go.mod requires:
// the shape of LEE's graph, interface modules at the bottom, gateway on
// them, function and tools on gateway (and indirectly on the rest).
var requires = map[string][]string{
	"utility":        nil,
	"cache":          nil,
	"circuitbreaker": nil,
	"gateway":        {"cache", "circuitbreaker", "utility"},
	"function":       {"cache", "circuitbreaker", "gateway", "utility"},
	"tools":          {"cache", "circuitbreaker", "gateway", "utility"},
}

// Modules lists the modules of a Repo, sorted.
func Modules() []string {
	names := make([]string, 0, len(requires))
	for n := range requires {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Requires lists the siblings module's go.mod requires in a new Repo.
func Requires(module string) []string { return requires[module] }

// Identity sets the git author and committer for the test and keeps the
// user's and the system's git configuration out of it, so that commits and
// annotated tags work the same on every machine.
func Identity(t *testing.T) {
	t.Helper()
	for k, v := range map[string]string{
		"GIT_AUTHOR_NAME": "LEE test", "GIT_AUTHOR_EMAIL": "test@example.com",
		"GIT_COMMITTER_NAME": "LEE test", "GIT_COMMITTER_EMAIL": "test@example.com",
		"GIT_CONFIG_GLOBAL": os.DevNull, "GIT_CONFIG_NOSYSTEM": "1",
	} {
		t.Setenv(k, v)
	}
}

// Repo writes a consistent repository (every module at Version, each with
// go.mod, doc.go, version.go, README.md and a CHANGELOG.md holding an
// "## Unreleased" section and a Version entry) into a new temporary folder,
// commits it, and returns its root. Call Identity first.
func Repo(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	var manifest strings.Builder
	manifest.WriteString("# Module versions.\nmodules:\n")
	WriteFile(t, root, "go.work", "go 1.26\n")
	for _, name := range Modules() {
		fmt.Fprintf(&manifest, "  %s: %s\n", name, Version)
		WriteFile(t, root, name+"/go.mod", GoMod(name, Version))
		WriteFile(t, root, name+"/doc.go", "// Package "+pkg(name)+" is a test module.\npackage "+pkg(name)+"\n")
		WriteFile(t, root, name+"/version.go", "package "+pkg(name)+"\n\n// Version is the module version.\nconst Version = \""+Version+"\"\n")
		WriteFile(t, root, name+"/README.md", "# "+name+"\n")
		WriteFile(t, root, name+"/CHANGELOG.md", "# Changelog — "+name+"\n\n## Unreleased\n\n- A change.\n\n## "+Version+" — 2026-11-30\n\n- First version.\n")
	}
	WriteFile(t, root, "versions.yaml", manifest.String())
	Git(t, root, "init", "--quiet", "--initial-branch=main")
	Commit(t, root, "initial")
	return root
}

// pkg is the package name of a module's root package.
func pkg(name string) string {
	if name == "function" {
		return "main"
	}
	return name
}

// GoMod renders module name's go.mod with its siblings required at version
// and replaced by ../<sibling>.
func GoMod(name, version string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "module %s%s\n\ngo 1.26\n", Prefix, name)
	sibs := requires[name]
	if len(sibs) == 0 {
		return b.String()
	}
	b.WriteString("\nrequire (\n")
	for _, s := range sibs {
		indirect := ""
		if name != "gateway" && s != "gateway" {
			indirect = " // indirect"
		}
		fmt.Fprintf(&b, "\t%s%s v%s%s\n", Prefix, s, version, indirect)
	}
	b.WriteString(")\n")
	for _, s := range sibs {
		fmt.Fprintf(&b, "\nreplace %s%s => ../%s\n", Prefix, s, s)
	}
	return b.String()
}

// WriteFile writes content to the slash-separated path under root.
func WriteFile(t *testing.T, root, path, content string) {
	t.Helper()
	full := filepath.Join(root, filepath.FromSlash(path))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// ReadFile returns the content of the slash-separated path under root.
func ReadFile(t *testing.T, root, path string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(path)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// Commit commits every change under root.
func Commit(t *testing.T, root, message string) {
	t.Helper()
	Git(t, root, "add", "--all")
	Git(t, root, "commit", "--quiet", "--message", message)
}

// Git runs git in root and returns its output, failing the test on error.
func Git(t *testing.T, root string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}
