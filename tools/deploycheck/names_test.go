package deploycheck_test

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/deploycheck"
	"pgregory.net/rapid"
)

func TestConfigVariables(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"vars.go":      "package config\n\nconst (\n\tVarURL = \"HA_URL\"\n\tVarTier = `LEE_TIER`\n\tDefaultTier = \"standard\"\n)\n",
		"more.go":      "package config\n\nconst VarDebug = \"DEBUG\"\n\nvar VarIgnored = \"NOT_A_CONST\"\n",
		"vars_test.go": "package config\n\nconst VarTestOnly = \"TEST_ONLY\"\n",
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := deploycheck.ConfigVariables(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"HA_URL": true, "LEE_TIER": true, "DEBUG": true}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("ConfigVariables = %v, want %v", got, want)
	}
	if _, err := deploycheck.ConfigVariables(t.TempDir()); err == nil {
		t.Fatal("an empty folder gave no error")
	}
}

func TestDocReferences(t *testing.T) {
	text := "Set `HA_URL` (or BASE_URL) and HA_TOKEN_PARAMETER; LEE_TIER=minimum.\n" +
		"Watch `HALatency` and `BridgeUnreachable` per `FunctionName`; `BRIDGE_UNREACHABLE` is an error type,\n" +
		"`make package` a command, `Alexa.Discovery` a namespace.\n```\nHA_TIMEOUT=5s\n```\n"
	got := deploycheck.DocReferences(text)
	want := deploycheck.References{
		EnvVars:     []string{"HA_TIMEOUT", "HA_TOKEN_PARAMETER", "HA_URL", "LEE_TIER"},
		Identifiers: []string{"BridgeUnreachable", "FunctionName", "HALatency"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("DocReferences = %+v\nwant %+v", got, want)
	}
}

// TestDocReferencesProperties checks on any text that each reported name
// has the documented shape and occurs in the text.
func TestDocReferencesProperties(t *testing.T) {
	env := regexp.MustCompile(`^(HA|LEE)_[A-Z0-9_]*[A-Z0-9]$`)
	rapid.Check(t, func(rt *rapid.T) {
		text := strings.Join(rapid.SliceOf(rapid.SampledFrom([]string{
			"HA_", "LEE_", "URL", "X", "_", "`", "Metric", "Name", "a", " ", "\n", "9", "é",
		})).Draw(rt, "parts"), "")
		refs := deploycheck.DocReferences(text)
		for _, v := range refs.EnvVars {
			if !env.MatchString(v) || !strings.Contains(text, v) {
				rt.Fatalf("env var %q: wrong shape or not in %q", v, text)
			}
		}
		for _, id := range refs.Identifiers {
			if !strings.Contains(text, "`"+id+"`") {
				rt.Fatalf("identifier %q is not a code span of %q", id, text)
			}
		}
	})
}
