package rie

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

func TestLookPath(t *testing.T) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed: %v", err)
	}
	goDir := filepath.Dir(goCmd)
	fake := func(dir string) string {
		p := filepath.Join(dir, Name)
		if err := os.WriteFile(p, []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	inPath, inGobin, inGopath, empty := t.TempDir(), t.TempDir(), t.TempDir(), t.TempDir()
	if err := os.Mkdir(filepath.Join(inGopath, "bin"), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, gobin, gopath string
		want                      string
	}{
		{"PATH", inPath + string(os.PathListSeparator) + goDir, empty, empty, fake(inPath)},
		{"GOBIN", goDir, inGobin, empty, fake(inGobin)},
		{"GOPATH/bin", goDir, "", empty + string(os.PathListSeparator) + inGopath, fake(filepath.Join(inGopath, "bin"))},
		{"nowhere", goDir, empty, empty, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("PATH", tc.path)
			t.Setenv("GOBIN", tc.gobin)
			t.Setenv("GOPATH", tc.gopath)
			got, err := LookPath()
			if tc.want == "" {
				if !errors.Is(err, exec.ErrNotFound) {
					t.Errorf("LookPath = %q, %v; want ErrNotFound", got, err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("LookPath = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}
