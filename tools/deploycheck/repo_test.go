package deploycheck_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/lee-engine/lee/tools/deploycheck"
)

// repoRoot is the repository root seen from tools/deploycheck.
var repoRoot = filepath.Join("..", "..")

// repoFile returns the path of a repository file and fails the test when
// it is missing.
func repoFile(t *testing.T, parts ...string) string {
	t.Helper()
	path := filepath.Join(append([]string{repoRoot}, parts...)...)
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("repository file missing (want %s from the package folder): %v", path, err)
	}
	return path
}

func loadRepoTemplate(t *testing.T) *deploycheck.Template {
	t.Helper()
	tpl, err := deploycheck.LoadTemplate(repoFile(t, "deploy", "template.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return tpl
}

func configVariables(t *testing.T) map[string]bool {
	t.Helper()
	vars, err := deploycheck.ConfigVariables(repoFile(t, "config"))
	if err != nil {
		t.Fatal(err)
	}
	for _, must := range []string{"HA_URL", "HA_TOKEN_PARAMETER", "LEE_TIER"} {
		if !vars[must] {
			t.Fatalf("config declares no %s: is %s still the config module?", must, filepath.Join(repoRoot, "config"))
		}
	}
	return vars
}
