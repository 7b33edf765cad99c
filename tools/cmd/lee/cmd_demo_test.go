package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDemoCommand checks the command's arguments and exit codes, and runs
// the whole demo once as `make demo` does, with or without Amazon's Alexa
// data (tools/demo tests both cases in detail).
func TestDemoCommand(t *testing.T) {
	broken := filepath.Join(t.TempDir(), "bootstrap")
	if err := os.WriteFile(broken, []byte("#!/bin/sh\nexit 3\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		args      []string
		code      int
		stderr    string
		stdoutHas string
	}{
		{name: "unknown flag", args: []string{"demo", "--bogus"}, code: 2, stderr: "usage: lee demo"},
		{name: "stray argument", args: []string{"demo", "extra"}, code: 2, stderr: `unexpected argument "extra"`},
		{name: "help", args: []string{"demo", "-h"}, code: 0, stdoutHas: "--binary"},
		{name: "whole demo, building the missing binary", args: []string{"demo", "--binary", filepath.Join(t.TempDir(), "bootstrap")},
			code: 0, stdoutHas: "demo: all 3 answers are valid by the project's rules"},
		{name: "function that cannot start", args: []string{"demo", "--binary", broken, "--alexa", filepath.Join(t.TempDir(), "none")},
			code: 1, stderr: "lee demo: demo: not every answer is valid", stdoutHas: "FAILED: no answer"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := dispatch(tc.args, &stdout, &stderr); code != tc.code {
				t.Errorf("exit code %d, want %d; stderr: %s", code, tc.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, stderr.String())
			}
			if !strings.Contains(stdout.String(), tc.stdoutHas) {
				t.Errorf("stdout lacks %q:\n%s", tc.stdoutHas, stdout.String())
			}
		})
	}
}
