package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunSkill(t *testing.T) {
	dir := t.TempDir()
	stack := filepath.Join("..", "..", "skill", "testdata", "stacks", "lee.json")
	const (
		url = "https://ha.example.com"
		us  = "arn:aws:lambda:us-east-1:123456789012:function:lee:live"
		eu  = "arn:aws:lambda:eu-west-1:123456789012:function:lee:live"
	)
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // a line stdout must hold
		stderr string // a line stderr must hold
	}{
		{"function ARN", []string{"--ha-url", url, "--function-arn", us, "--out", filepath.Join(dir, "us")}, 0, "wrote " + filepath.Join(dir, "us", "skill-package", "skill.json"), ""},
		{"from stack", []string{"--ha-url", url, "--from-stack", stack, "--locale", "de-DE", "--locale", "nl-NL", "--out", filepath.Join(dir, "eu")}, 0, "account-linking.json", ""},
		{"regional", []string{"--ha-url", url, "--function-arn", us, "--region-arn", "eu=" + eu, "--locale", "en-US", "--locale", "ar-SA", "--events", "--out", filepath.Join(dir, "all")}, 0, "account-linking-EU.json", ""},
		{"no endpoint", []string{"--ha-url", url, "--out", filepath.Join(dir, "create")}, 0, "next, the commands in " + filepath.Join(dir, "create", "README.md"), ""},
		{"help", []string{"-h"}, 0, "-from-stack", ""},
		{"no URL", []string{"--function-arn", us}, 2, "", "lee skill: --ha-url is required\nusage: lee skill"},
		{"stray argument", []string{"--ha-url", url, "extra"}, 2, "", "lee skill: unexpected arguments [\"extra\"]\nusage: lee skill"},
		{"http", []string{"--ha-url", "http://ha.example.com"}, 2, "", "lee skill: account linking cannot use this Home Assistant URL: http://ha.example.com is not https"},
		{"port", []string{"--ha-url", "https://ha.example.com:8123"}, 2, "", "uses port 8123"},
		{"path", []string{"--ha-url", "https://ha.example.com/api"}, 2, "", "contains /api"},
		{"not a Lambda ARN", []string{"--ha-url", url, "--function-arn", "arn:aws:sns:us-east-1:123456789012:lee"}, 2, "", "not a Lambda function ARN"},
		{"regional ARN of another region", []string{"--ha-url", url, "--function-arn", us, "--region-arn", "FE=" + eu}, 2, "", "regional endpoint FE"},
		{"locale", []string{"--ha-url", url, "--locale", "xx-XX"}, 2, "", `locale "xx-XX" is not a language of Alexa Smart Home`},
		{"both ARN sources", []string{"--ha-url", url, "--function-arn", us, "--from-stack", stack}, 2, "", "not both"},
		{"bad stack", []string{"--ha-url", url, "--from-stack", filepath.Join(dir, "missing.json")}, 2, "", "lee skill: --from-stack: read stack"},
		{"bad region-arn", []string{"--ha-url", url, "--function-arn", us, "--region-arn", "EU"}, 2, "", "want REGION=ARN"},
		{"region-arn twice", []string{"--ha-url", url, "--function-arn", us, "--region-arn", "EU=" + eu, "--region-arn", "eu=" + eu}, 2, "", "region EU given twice"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := runSkill(tc.args, &stdout, &stderr)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, stdout.String(), stderr.String())
			}
			if !strings.Contains(stdout.String(), tc.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tc.stdout, stdout.String())
			}
			if !strings.Contains(stderr.String(), tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, stderr.String())
			}
			// A refusal of the settings is one line; a bad flag or argument
			// is one line followed by the usage (internal/cli's contract).
			if e := stderr.String(); strings.HasPrefix(e, "lee skill:") && !strings.Contains(e, "usage: lee skill") && strings.Count(e, "\n") != 1 {
				t.Errorf("refusal is not one line:\n%s", e)
			}
		})
	}
	manifest, err := os.ReadFile(filepath.Join(dir, "eu", "skill-package", "skill.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(manifest), `"uri": "`+eu+`"`) || !strings.Contains(string(manifest), `"nl-NL"`) {
		t.Errorf("--from-stack did not put the stack's ARN and the languages in the manifest:\n%s", manifest)
	}
}

// TestRunSkillWriteFails: a folder that cannot be written is exit 1.
func TestRunSkillWriteFails(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := runSkill([]string{"--ha-url", "https://ha.example.com", "--out", filepath.Join(file, "skill")}, &stdout, &stderr); code != 1 {
		t.Fatalf("exit %d, want 1\nstderr: %s", code, stderr.String())
	}
	if !strings.HasPrefix(stderr.String(), "lee skill: write skill") {
		t.Errorf("stderr: %s", stderr.String())
	}
}
