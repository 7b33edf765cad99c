package pack_test

import (
	"archive/tar"
	"bytes"
	"crypto/sha256"
	"debug/buildinfo"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/repocheck"
)

// TestMakePackageIsReproducibleAcrossTrees runs `make package`, as a user
// does, in three trees of the repository's HEAD commit: a fresh git clone,
// the same clone with an untracked file, and a `git archive` extraction with
// no .git at all. The zips must be the same bytes: the build must not take
// anything from the checkout (vcs.revision, vcs.time, vcs.modified). The
// build itself is make's own (make bootstrap runs lee build); only the lee
// binary is given prebuilt, so that each tree does not compile the tools.
// It tests the committed HEAD: uncommitted changes are not in the trees.
func TestMakePackageIsReproducibleAcrossTrees(t *testing.T) {
	if testing.Short() {
		t.Skip("clones the repository and builds the bootstrap three times; skipped with -short")
	}
	for _, tool := range []string{"git", "make"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed; this test runs make package in git checkouts", tool)
		}
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root, err := repocheck.FindRoot(wd)
	if err != nil {
		t.Fatal(err)
	}
	head, err := run(root, nil, "git", "rev-parse", "HEAD")
	if err != nil {
		t.Skipf("the repository is not a git checkout, so there is no commit to clone: %v", err)
	}
	head = strings.TrimSpace(head)
	lee := filepath.Join(t.TempDir(), "lee")
	if out, err := run(filepath.Join(root, "tools"), nil, "go", "build", "-trimpath", "-o", lee, "./cmd/lee"); err != nil {
		t.Fatalf("build lee: %v\n%s", err, out)
	}
	base := t.TempDir()
	clone := filepath.Join(base, "clone")
	for _, args := range [][]string{
		{"clone", "--quiet", "--no-checkout", root, clone},
		{"-C", clone, "checkout", "--quiet", "--detach", head},
	} {
		if out, err := run(base, nil, "git", args...); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	archive := filepath.Join(base, "archive")
	extractArchive(t, root, head, archive)

	sums := []struct{ tree, sum string }{{"a fresh clone", makePackage(t, clone, lee)}}
	if err := os.RemoveAll(filepath.Join(clone, "dist")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(clone, "notes.txt"), []byte("untracked\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sums = append(sums,
		struct{ tree, sum string }{"the clone with an untracked file", makePackage(t, clone, lee)},
		struct{ tree, sum string }{"a git archive", makePackage(t, archive, lee)})
	for _, s := range sums[1:] {
		if s.sum != sums[0].sum {
			t.Errorf("make package gives %s from %s but %s from %s", s.sum, s.tree, sums[0].sum, sums[0].tree)
		}
	}
}

// makePackage runs `make package` in dir with the environment of a user's
// shell, VCS stamping at Go's default, and returns the zip's SHA-256.
func makePackage(t *testing.T, dir, lee string) string {
	t.Helper()
	env := []string{"GOFLAGS=-buildvcs=auto"}
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "GOFLAGS", "GOWORK", "MAKEFLAGS", "MFLAGS", "MAKELEVEL":
			continue
		}
		env = append(env, kv)
	}
	if out, err := run(dir, env, "make", "--no-print-directory", "package", "LEE="+lee); err != nil {
		t.Fatalf("make package in %s: %v\n%s", dir, err, out)
	}
	info, err := buildinfo.ReadFile(filepath.Join(dir, "dist", "bootstrap"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range info.Settings {
		if strings.HasPrefix(s.Key, "vcs") {
			t.Errorf("the bootstrap built in %s carries %s=%s", dir, s.Key, s.Value)
		}
	}
	zips, err := filepath.Glob(filepath.Join(dir, "dist", "lee-*-*.zip"))
	if err != nil || len(zips) != 1 {
		t.Fatalf("make package in %s wrote %v (%v), want one lee-<version>-<arch>.zip", dir, zips, err)
	}
	data, err := os.ReadFile(zips[0])
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// run runs a command in dir (env nil: the test's own) and returns its
// combined output.
func run(dir string, env []string, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env = dir, env
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// extractArchive writes `git archive` of commit into dir, as a user who
// downloads a release tarball gets it.
func extractArchive(t *testing.T, root, commit, dir string) {
	t.Helper()
	cmd := exec.Command("git", "-C", root, "archive", "--format=tar", commit)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	data, err := cmd.Output()
	if err != nil {
		t.Fatalf("git archive: %v: %s", err, stderr.String())
	}
	if err := untar(bytes.NewReader(data), dir); err != nil {
		t.Fatal(err)
	}
}

// untar extracts the folders and regular files of a tar stream into dir.
func untar(r io.Reader, dir string) error {
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("untar: %w", err)
		}
		if !filepath.IsLocal(h.Name) {
			return fmt.Errorf("untar: entry %q leaves the folder", h.Name)
		}
		path := filepath.Join(dir, h.Name)
		switch h.Typeflag {
		case tar.TypeDir:
			err = os.MkdirAll(path, 0o755)
		case tar.TypeReg:
			err = writeEntry(path, tr, os.FileMode(h.Mode).Perm())
		case tar.TypeXGlobalHeader:
		default:
			err = fmt.Errorf("entry %q has type %q, which this test does not extract", h.Name, h.Typeflag)
		}
		if err != nil {
			return fmt.Errorf("untar: %w", err)
		}
	}
}

func writeEntry(path string, r io.Reader, mode os.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
