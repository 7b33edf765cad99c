package repocheck

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestRapidFailFilesAreIgnored: the fail files pgregory.net/rapid writes
// under testdata/rapid/ of whichever package failed are ignored at every
// depth, and none is committed.
func TestRapidFailFilesAreIgnored(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root, err := FindRoot(wd)
	if err != nil {
		t.Fatal(err)
	}
	if err := exec.Command("git", "-C", root, "rev-parse", "--git-dir").Run(); err != nil {
		t.Skipf("the repository is not a git checkout: %v", err)
	}
	for _, path := range []string{
		"testdata/rapid/TestA/TestA-1.fail",
		"metrics/testdata/rapid/TestPropertyAtMostTenNames/TestPropertyAtMostTenNames-2.fail",
		"tools/hasim/testdata/rapid/TestFaults/TestFaults-3.fail",
	} {
		if err := exec.Command("git", "-C", root, "check-ignore", "--quiet", "--no-index", path).Run(); err != nil {
			t.Errorf("%s is not ignored (git check-ignore: %v): .gitignore needs **/testdata/rapid/", path, err)
		}
	}
	out, err := exec.Command("git", "-C", root, "ls-files").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range strings.Split(string(out), "\n") {
		if strings.Contains("/"+f, "/testdata/rapid/") {
			t.Errorf("%s is committed: it is a leftover of a failed rapid run", f)
		}
	}
}
