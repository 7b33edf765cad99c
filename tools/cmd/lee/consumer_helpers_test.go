package main

import (
	"bytes"
	"debug/buildinfo"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/internal/releasetest"
	"github.com/lee-engine/lee/tools/repocheck"
)

// repoRootForTest is the repository holding this test.
func repoRootForTest(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root, err := repocheck.FindRoot(wd)
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// cloneHead makes a clone of root's committed HEAD (uncommitted changes are
// not in it) in a temporary folder and returns it.
func cloneHead(t *testing.T, root string) string {
	t.Helper()
	sha := strings.TrimSpace(releasetest.Git(t, root, "rev-parse", "HEAD"))
	clone := filepath.Join(t.TempDir(), "lee")
	releasetest.Git(t, filepath.Dir(clone), "init", "--quiet", clone)
	releasetest.Git(t, clone, "fetch", "--quiet", "--depth=1", root, sha)
	releasetest.Git(t, clone, "checkout", "--quiet", "--detach", "FETCH_HEAD")
	t.Logf("clone of %s at %.12s in %s", root, sha, clone)
	return clone
}

// lee runs a lee command in this process and returns its standard output;
// any exit code but 0 fails the test.
func lee(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := dispatch(args, &stdout, &stderr); code != 0 {
		t.Fatalf("lee %s: exit %d\n%s%s", strings.Join(args, " "), code, stdout.String(), stderr.String())
	}
	return stdout.String()
}

// consumerEnv sets, for the rest of the test, the environment of a
// consumer outside the workspace: GOWORK=off, a new empty module cache
// (returned), the proxy folder in front of the usual proxy, and no checksum
// database for LEE's modules, which are not published.
func consumerEnv(t *testing.T, proxy string) string {
	t.Helper()
	upstream := strings.TrimSpace(goOutput(t, "env", "GOPROXY"))
	modcache := filepath.Join(t.TempDir(), "modcache")
	for k, v := range map[string]string{
		"GOWORK":     "off",
		"GOFLAGS":    "-mod=mod -modcacherw",
		"GOPROXY":    "file://" + filepath.ToSlash(proxy) + "," + upstream,
		"GONOSUMDB":  repocheck.RepoPrefix + "*",
		"GONOPROXY":  "",
		"GOPRIVATE":  "",
		"GOMODCACHE": modcache,
	} {
		t.Setenv(k, v)
	}
	return modcache
}

// consumerModule writes a module outside the workspace that requires
// github.com/lee-engine/lee/<module> at version (X.Y.Z), with no replace
// directive, and copies testdata/consumer/<program>/main.go into it when
// program is not empty. It returns the module's folder.
func consumerModule(t *testing.T, program, module, version string) string {
	t.Helper()
	dir := t.TempDir()
	name := program
	if name == "" {
		name = module
	}
	releasetest.WriteFile(t, dir, "go.mod", "module example.com/consumer/"+name+"\n\ngo 1.26\n\nrequire "+repocheck.RepoPrefix+module+" v"+version+"\n")
	if program != "" {
		src, err := os.ReadFile(filepath.Join("testdata", "consumer", program, "main.go"))
		if err != nil {
			t.Fatal(err)
		}
		releasetest.WriteFile(t, dir, "main.go", string(src))
	}
	return dir
}

// goRun runs the go command in dir with the test's environment and env.
func goRun(t *testing.T, dir string, env []string, args ...string) {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), "go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// goOutput runs the go command and returns its standard output.
func goOutput(t *testing.T, args ...string) string {
	t.Helper()
	out, err := exec.CommandContext(t.Context(), "go", args...).Output()
	if err != nil {
		t.Fatalf("go %s: %v", strings.Join(args, " "), err)
	}
	return string(out)
}

// run runs a built program in dir and returns its standard output.
func run(t *testing.T, dir string, env []string, bin string, args ...string) string {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s%s", filepath.Base(bin), err, stdout.String(), stderr.String())
	}
	return stdout.String()
}

// requireDeps checks in the binary's build information that each LEE
// module (by folder name) was linked at its released version (X.Y.Z) from
// the module proxy, not replaced by a folder.
func requireDeps(t *testing.T, bin string, want map[string]string) {
	t.Helper()
	info, err := buildinfo.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	mods := append([]*debug.Module{&info.Main}, info.Deps...)
	for name, version := range want {
		path := repocheck.RepoPrefix + name
		found := false
		for _, m := range mods {
			if m.Path != path {
				continue
			}
			found = true
			if m.Version != "v"+version || m.Replace != nil {
				t.Errorf("%s linked %s %s (replaced: %v), want v%s", filepath.Base(bin), path, m.Version, m.Replace != nil, version)
			}
		}
		if !found {
			t.Errorf("%s does not link %s", filepath.Base(bin), path)
		}
	}
}

// nextPatch is X.Y.(Z+1) for X.Y.Z.
func nextPatch(t *testing.T, v string) string {
	t.Helper()
	parts := strings.Split(v, ".")
	patch, err := strconv.Atoi(parts[len(parts)-1])
	if len(parts) != 3 || err != nil {
		t.Fatalf("version %q is not X.Y.Z", v)
	}
	parts[2] = strconv.Itoa(patch + 1)
	return strings.Join(parts, ".")
}
