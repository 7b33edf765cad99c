package alexa_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/internal/alexa"
)

// TestFindData checks the order of the lookup (LEE_ALEXA_DATA, then
// shared/alexa beside the repository, else ErrNoData) and that a folder
// without the data is an error of its own, not ErrNoData.
func TestFindData(t *testing.T) {
	base := t.TempDir()
	mkdir := func(parts ...string) string {
		p := filepath.Join(append([]string{base}, parts...)...)
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	writeData := func(dir string) string {
		mkdir(dir, "sample_messages")
		mkdir(dir, "validation_schemas")
		if err := os.WriteFile(filepath.Join(base, dir, filepath.FromSlash(alexa.SchemaFile)), []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
		return filepath.Join(base, dir)
	}
	pkg := mkdir("repo", "tools", "pkg")
	if err := os.WriteFile(filepath.Join(base, "repo", "go.work"), []byte("go 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	checkout := writeData("checkout")
	empty := mkdir("empty")

	t.Setenv(alexa.DataEnv, "")
	if _, err := alexa.FindData(pkg); !errors.Is(err, alexa.ErrNoData) {
		t.Errorf("no variable, no shared folder: %v, want ErrNoData", err)
	}
	if _, err := alexa.FindData(empty); !errors.Is(err, alexa.ErrNoData) {
		t.Errorf("outside a repository: %v, want ErrNoData", err)
	}
	mkdir("shared", "alexa")
	if _, err := alexa.FindData(pkg); err == nil || errors.Is(err, alexa.ErrNoData) {
		t.Errorf("incomplete shared/alexa: %v, want an error naming it", err)
	}
	shared := writeData(filepath.Join("shared", "alexa"))
	if d, err := alexa.FindData(pkg); err != nil || d.Dir != shared || d.Source != "../shared/alexa beside the repository" {
		t.Errorf("shared/alexa beside the repository: %+v, %v", d, err)
	}

	t.Setenv(alexa.DataEnv, checkout)
	d, err := alexa.FindData(pkg)
	if err != nil || d.Dir != checkout || d.Source != alexa.DataEnv {
		t.Errorf("variable set: %+v, %v; want it to win over shared/alexa", d, err)
	}
	if d.SamplesDir() != filepath.Join(checkout, "sample_messages") || d.SchemaPath() != filepath.Join(checkout, filepath.FromSlash(alexa.SchemaFile)) {
		t.Errorf("SamplesDir %s, SchemaPath %s", d.SamplesDir(), d.SchemaPath())
	}
	t.Setenv(alexa.DataEnv, empty)
	if _, err := alexa.FindData(pkg); err == nil || errors.Is(err, alexa.ErrNoData) {
		t.Errorf("variable naming a folder without the data: %v, want an error naming it", err)
	}
	t.Chdir(base)
	t.Setenv(alexa.DataEnv, "checkout")
	if _, err := alexa.FindData(pkg); err == nil || !strings.Contains(err.Error(), "absolute") {
		t.Errorf("relative variable: %v, want an error asking for an absolute path", err)
	}
}
