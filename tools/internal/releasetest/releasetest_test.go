package releasetest_test

import (
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/internal/releasetest"
	"github.com/lee-engine/lee/tools/repocheck"
)

func TestRepoIsConsistentAndCommitted(t *testing.T) {
	releasetest.Identity(t)
	root := releasetest.Repo(t)
	findings, err := repocheck.CheckVersions(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(findings) > 0 {
		t.Fatalf("lee check versions on a new Repo: %v", findings)
	}
	if status := releasetest.Git(t, root, "status", "--porcelain"); status != "" {
		t.Errorf("a new Repo has uncommitted files:\n%s", status)
	}
	mods, err := repocheck.Modules(root)
	if err != nil || len(mods) != len(releasetest.Modules()) {
		t.Fatalf("Modules = %v, %v; want %v", mods, err, releasetest.Modules())
	}
	if gm := releasetest.ReadFile(t, root, "gateway/go.mod"); !strings.Contains(gm, releasetest.Prefix+"cache v"+releasetest.Version+"\n") ||
		!strings.Contains(gm, "replace "+releasetest.Prefix+"cache => ../cache") {
		t.Errorf("gateway/go.mod does not require cache at %s behind a replace:\n%s", releasetest.Version, gm)
	}
}
