package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/internal/releasetest"
)

// releaseRepo is a releasetest.Repo with a Makefile whose sync target
// records that it ran, as lee release runs `make sync`.
func releaseRepo(t *testing.T) string {
	t.Helper()
	releasetest.Identity(t)
	root := releasetest.Repo(t)
	releasetest.WriteFile(t, root, "Makefile", "sync:\n\t@echo synced-by-make\n")
	releasetest.Commit(t, root, "Makefile")
	return root
}

func runLee(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = dispatch(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestRunReleaseDryRunAndWrite(t *testing.T) {
	root := releaseRepo(t)
	code, out, errOut := runLee(t, "release", "cache", "0.2.0", "--root", root)
	if code != 0 {
		t.Fatalf("dry run: exit %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		"release cache 0.1.0 → 0.2.0 (dry run",
		"cache/version.go", `Version "0.1.0" → "0.2.0"`, "versions.yaml", "gateway/go.mod",
		"changed, so each needs its own release (dependencies first): gateway, function, tools",
		"git tags to create (dependencies first): cache/v0.2.0 circuitbreaker/v0.1.0 utility/v0.1.0 gateway/v0.1.0 function/v0.1.0 tools/v0.1.0",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(errOut, "synced-by-make") {
		t.Error("the dry run ran make sync")
	}
	code, out, errOut = runLee(t, "release", "--write", "cache", "v0.2.0", "--root", root, "--tag")
	if code != 0 {
		t.Fatalf("--write --tag: exit %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{"released cache 0.1.0 → 0.2.0 in commit ", "tagged cache/v0.2.0", "tagged tools/v0.1.0"} {
		if !strings.Contains(out, want) {
			t.Errorf("--write --tag output lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errOut, "synced-by-make") {
		t.Errorf("make sync did not run (its output goes to stderr): %q", errOut)
	}
	code, out, _ = runLee(t, "release", "--tag", "--root", root)
	if code != 0 || !strings.Contains(out, "no tag to create") {
		t.Errorf("--tag with nothing pending: exit %d\n%s", code, out)
	}
}

func TestRunReleaseRefuses(t *testing.T) {
	root := releaseRepo(t)
	releasetest.WriteFile(t, root, "scratch.txt", "uncommitted\n")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no arguments", nil, 2, "usage: lee release"},
		{"module without version", []string{"cache"}, 2, "usage: lee release"},
		{"three words", []string{"cache", "0.2.0", "extra"}, 2, "usage: lee release"},
		{"--tag with a release but no --write", []string{"cache", "0.2.0", "--tag"}, 2, "usage: lee release"},
		{"--write without a module", []string{"--write"}, 2, "usage: lee release"},
		{"unknown module", []string{"ghost", "0.2.0"}, 2, `unknown module "ghost"`},
		{"bad version", []string{"cache", "0.2"}, 2, "bad version"},
		{"version not greater", []string{"cache", "0.1.0"}, 2, "not above"},
		{"dirty tree", []string{"cache", "0.2.0"}, 1, "scratch.txt"},
		{"dirty tree when tagging", []string{"--tag"}, 1, "uncommitted changes"},
		{"root that does not exist", []string{"cache", "0.2.0", "--root", filepath.Join(root, "missing")}, 2, "is not a folder"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"release"}, tc.args...)
			if !strings.Contains(strings.Join(tc.args, " "), "--root") {
				args = append(args, "--root", root)
			}
			code, out, errOut := runLee(t, args...)
			if code != tc.code || !strings.Contains(errOut, tc.want) {
				t.Errorf("exit %d, want %d; stderr lacks %q?\nstdout: %s\nstderr: %s", code, tc.code, tc.want, out, errOut)
			}
		})
	}
	if tags := releasetest.Git(t, root, "tag", "--list"); tags != "" {
		t.Errorf("refused runs created tags:\n%s", tags)
	}
}

func TestRunProxy(t *testing.T) {
	root := releaseRepo(t)
	if code, out, errOut := runLee(t, "release", "--tag", "--root", root); code != 0 {
		t.Fatalf("tagging: exit %d\n%s%s", code, out, errOut)
	}
	dir := filepath.Join(t.TempDir(), "proxy")
	code, out, errOut := runLee(t, "proxy", "--root", root, "--out", dir)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{releasetest.Prefix + "cache v0.1.0\n", "6 module versions in " + dir, "GOPROXY=file://" + dir} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if code, _, errOut := runLee(t, "proxy", "--root", root, "--out", dir); code != 1 || !strings.Contains(errOut, "not empty") {
		t.Errorf("second run into the same folder: exit %d, %s", code, errOut)
	}
	if code, _, errOut := runLee(t, "proxy", "--root", root); code != 2 || !strings.Contains(errOut, "usage: lee proxy") {
		t.Errorf("without --out: exit %d, %s", code, errOut)
	}
}
