package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/pack"
)

func TestRunBuild(t *testing.T) {
	out := filepath.Join(t.TempDir(), "dist", "bootstrap")
	function := filepath.Join("..", "..", "..", "function")
	var stdout, stderr bytes.Buffer
	if code := runBuild([]string{"--arch", "x86_64", "--out", out, "--function", function}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := pack.CheckBinary(data, pack.AMD64); err != nil {
		t.Fatalf("lee build --arch x86_64 wrote a binary lee package refuses: %v", err)
	}
	for _, want := range []string{"GOARCH=amd64", "-trimpath -buildvcs=false", "-o " + out + " ."} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout.String())
		}
	}
}

func TestRunBuildArguments(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no arch", nil, `--arch: architecture "" is not arm64 or amd64`},
		{"unknown arch", []string{"--arch", "riscv64"}, `--arch: architecture "riscv64"`},
		{"stray argument", []string{"--arch", "arm64", "extra"}, "unexpected arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := runBuild(tt.args, &stdout, &stderr); code != 2 || stdout.Len() != 0 {
				t.Fatalf("exit %d, stdout %q; want 2 and nothing", code, stdout.String())
			}
			if !strings.HasPrefix(stderr.String(), "lee build: ") || !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("stderr %q lacks %q", stderr.String(), tt.want)
			}
		})
	}
}
