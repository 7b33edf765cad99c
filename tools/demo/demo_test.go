package demo_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/demo"
	"github.com/lee-engine/lee/tools/internal/alexa"
	"github.com/lee-engine/lee/tools/internal/alexatest"
)

// TestRun runs the whole demo, with Amazon's data and without it.
func TestRun(t *testing.T) {
	tests := []struct {
		name     string
		settings func(t *testing.T) demo.Settings
		contains []string
		count    map[string]int
	}{
		{
			name:     "with Amazon's samples and schema",
			settings: func(t *testing.T) demo.Settings { return demo.Settings{AlexaDir: alexatest.Dir(t)} },
			contains: []string{
				"directives: Amazon's samples, pointed at the demo home's endpoints",
				`"name": "Discover.Response"`,
				`"endpointId": "light#kitchen"`,
				`"name": "StateReport"`,
				`"value": "ON"`,
				"all 3 answers are valid by the project's rules and against Amazon's Smart Home schema",
			},
			count: map[string]int{"schema: valid": 3, "rules: valid": 3},
		},
		{
			name: "without Amazon's data, as in a fresh clone",
			settings: func(t *testing.T) demo.Settings {
				t.Setenv(alexa.DataEnv, "")
				return demo.Settings{Root: bareRepository(t)}
			},
			contains: []string{
				"Amazon's Alexa data: LEE_ALEXA_DATA is unset and there is no ../shared/alexa beside the repository",
				"directives: the demo's own",
				"set LEE_ALEXA_DATA to the absolute path of a checkout of github.com/alexa-samples/alexa-smarthome",
				`"correlationToken": "ZGVtby1jb3JyZWxhdGlvbi10b2tlbi10dXJuLW9u"`,
				"all 3 answers are valid by the project's rules (Amazon's schema not at hand)",
			},
			count: map[string]int{"schema: not checked": 3, "schema: valid": 0, "rules: valid": 3},
		},
		{
			name: "Settings.AlexaDir without the data",
			settings: func(t *testing.T) demo.Settings {
				return demo.Settings{AlexaDir: filepath.Join(t.TempDir(), "missing")}
			},
			contains: []string{"Amazon's Alexa data: not at", "directives: the demo's own"},
			count:    map[string]int{"schema: not checked": 3, "rules: valid": 3},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			s := tc.settings(t)
			s.Binary, s.Out = bootstrap(t), &out
			if err := demo.Run(context.Background(), s); err != nil {
				t.Fatalf("Run: %v\n%s", err, out.String())
			}
			report := out.String()
			for _, want := range append(tc.contains, "== Discovery ==", "== TurnOn (kitchen light) ==", "== ReportState (kitchen light) ==", "== function log") {
				if !strings.Contains(report, want) {
					t.Errorf("report lacks %q:\n%s", want, report)
				}
			}
			for s, n := range tc.count {
				if got := strings.Count(report, s); got != n {
					t.Errorf("report has %q %d times, want %d", s, got, n)
				}
			}
			checkFunctionLog(t, report)
		})
	}
}

// TestRunWithWrongAlexaData fails the demo, naming the variable, when
// LEE_ALEXA_DATA names a folder without Amazon's data: a wrong setting must
// not pass as the fresh-clone case.
func TestRunWithWrongAlexaData(t *testing.T) {
	t.Setenv(alexa.DataEnv, t.TempDir())
	var out bytes.Buffer
	err := demo.Run(context.Background(), demo.Settings{Binary: bootstrap(t), Root: bareRepository(t), Out: &out})
	if err == nil || !strings.Contains(err.Error(), alexa.DataEnv) {
		t.Fatalf("Run: %v, want an error naming %s\n%s", err, alexa.DataEnv, out.String())
	}
}

// bareRepository is a folder holding go.work with nothing beside it: a
// repository root as a fresh clone has it, for the lookup of Amazon's data.
func bareRepository(t *testing.T) string {
	t.Helper()
	root := filepath.Join(t.TempDir(), "lee")
	if err := os.MkdirAll(root, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "go.work"), []byte("go 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return root
}

// checkFunctionLog expects the function's JSON log lines and EMF lines in
// the report's log section, and never the demo token.
func checkFunctionLog(t *testing.T, report string) {
	t.Helper()
	_, log, ok := strings.Cut(report, "== function log")
	if !ok {
		t.Fatal("no function log section")
	}
	if strings.Count(log, `{"_aws":`) != 3 {
		t.Errorf("expected one EMF line per directive in the log section:\n%s", log)
	}
	if strings.Count(log, `"requestId":`) < 3 {
		t.Errorf("expected log lines with request ids:\n%s", log)
	}
	if strings.Contains(log, demo.Token) {
		t.Errorf("the function log shows the token:\n%s", log)
	}
}

// TestRunBuildsMissingBinary checks that a missing bootstrap is built first.
func TestRunBuildsMissingBinary(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "dist", "bootstrap")
	var out bytes.Buffer
	err := demo.Run(context.Background(), demo.Settings{
		Binary: bin,
		Root:   filepath.Join(moduleRoot(t), ".."),
		Out:    &out,
	})
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, out.String())
	}
	if _, err := os.Stat(bin); err != nil {
		t.Fatalf("bootstrap not built: %v", err)
	}
	if !strings.Contains(out.String(), "building "+bin) {
		t.Errorf("report does not say it built the binary:\n%s", out.String())
	}
}

// TestRunReportsFailure runs a "function" that dies at init: the demo must
// fail and say why.
func TestRunReportsFailure(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "bootstrap")
	script := "#!/bin/sh\necho 'lee: init failed: HA_URL: broken on purpose' >&2\nexit 1\n"
	if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	err := demo.Run(context.Background(), demo.Settings{Binary: bin, Out: &out})
	if !errors.Is(err, demo.ErrInvalid) {
		t.Fatalf("Run: %v, want ErrInvalid", err)
	}
	report := out.String()
	for _, want := range []string{"FAILED: no answer", "exit status 1", "broken on purpose", "3 of 3 answers are not valid"} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
}

// TestRunWithoutBinaryOrRoot fails clearly when there is nothing to run and
// nothing to build from.
func TestRunWithoutBinaryOrRoot(t *testing.T) {
	t.Chdir(t.TempDir())
	err := demo.Run(context.Background(), demo.Settings{Binary: "nowhere/bootstrap"})
	if err == nil || !strings.Contains(err.Error(), "go.work") {
		t.Fatalf("Run: %v, want an error about the missing repository root", err)
	}
}
