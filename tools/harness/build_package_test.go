package harness

import (
	"context"
	"debug/buildinfo"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBuildPackageBuildsAnImportPathWithTheBootstrapFlags(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"go.mod":            "module example.com/consumer\n\ngo 1.26\n",
		"cmd/hello/main.go": "package main\n\nfunc main() {}\n",
	}
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("GOWORK", "off")
	out := filepath.Join(t.TempDir(), "bin", "bootstrap")
	if err := BuildPackage(context.Background(), dir, "example.com/consumer/cmd/hello", out, ""); err != nil {
		t.Fatal(err)
	}
	info, err := buildinfo.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	for key, want := range map[string]string{"-tags": "lambda.norpc", "-trimpath": "true", "CGO_ENABLED": "0", "GOOS": "linux"} {
		if settings[key] != want {
			t.Errorf("build setting %s = %q, want %q", key, settings[key], want)
		}
	}
	if info.Path != "example.com/consumer/cmd/hello" {
		t.Errorf("main package %s", info.Path)
	}
	err = BuildPackage(context.Background(), dir, "example.com/consumer/cmd/missing", out, "")
	if err == nil || !strings.Contains(err.Error(), "cmd/missing") {
		t.Errorf("a missing package: err = %v, want one naming it", err)
	}
}
