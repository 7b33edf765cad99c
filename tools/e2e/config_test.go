package e2e

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/harness"
)

// TestBadConfigStopsInit starts the function with one bad setting each: the
// process must exit during init, with one line naming the variable, and the
// harness must report that as an init failure rather than an answer.
func TestBadConfigStopsInit(t *testing.T) {
	t.Parallel()
	const haURL = "HA_URL=http://127.0.0.1:8123"
	tests := []struct {
		name     string
		env      []string
		variable string
	}{
		{"HA_URL missing", nil, "HA_URL"},
		{"HA_URL not http", []string{"HA_URL=ftp://127.0.0.1/"}, "HA_URL"},
		{"HA_TIMEOUT=abc", []string{haURL, "HA_TIMEOUT=abc"}, "HA_TIMEOUT"},
		{"LEE_PRELOAD=bogus", []string{haURL, "LEE_PRELOAD=bogus"}, "LEE_PRELOAD"},
		{"LOG_LEVEL=loud", []string{haURL, "LOG_LEVEL=loud"}, "LOG_LEVEL"},
		{"LEE_TIER=huge", []string{haURL, "LEE_TIER=huge"}, "LEE_TIER"},
		{"LEE_METRICS=sometimes", []string{haURL, "LEE_METRICS=sometimes"}, "LEE_METRICS"},
		{"HA_VERIFY_TLS=maybe", []string{haURL, "HA_VERIFY_TLS=maybe"}, "HA_VERIFY_TLS"},
		{"HA_HEADERS cut short", []string{haURL, `HA_HEADERS={"CF-Access-Client-Secret":"` + headerSecret}, "HA_HEADERS"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rt := startFunction(t, append(tc.env, "HA_TOKEN="+fallbackToken)...)
			ctx, cancel := context.WithTimeout(context.Background(), invokeTimeout)
			defer cancel()
			res, err := rt.Invoke(ctx, sample(t, "PowerController.TurnOn"))
			var exit *harness.ExitError
			if !errors.As(err, &exit) {
				t.Fatalf("Invoke = %+v, %v; want an init failure (*harness.ExitError)", res, err)
			}
			if exit.ExitCode == 0 {
				t.Errorf("the process exited with status 0 after a bad %s", tc.variable)
			}
			lines := outputLines(rt.Stdout(), rt.Stderr())
			if len(lines) != 1 {
				t.Fatalf("the function wrote %d lines, want exactly one naming %s:\n%s", len(lines), tc.variable, strings.Join(lines, "\n"))
			}
			t.Logf("init line: %s", lines[0])
			if !strings.Contains(lines[0], tc.variable) {
				t.Errorf("the line %q does not name %s", lines[0], tc.variable)
			}
		})
	}
}

// outputLines is every non-blank line of the given outputs.
func outputLines(outputs ...[]byte) []string {
	var lines []string
	for _, out := range outputs {
		for line := range bytes.Lines(out) {
			if s := strings.TrimSpace(string(line)); s != "" {
				lines = append(lines, s)
			}
		}
	}
	return lines
}
