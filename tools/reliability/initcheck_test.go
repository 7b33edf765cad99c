package reliability

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/harness"
	"github.com/lee-engine/lee/tools/hasim"
)

// TestInitRefusals starts the real bootstrap with settings that used to
// pass init and then fail every directive: a CA bundle of garbage, a
// client certificate with another certificate's key, a DNS server given
// by name, a relay budget too short to finish any request. Each must stop
// init: the process exits non-zero before answering, having written one
// line that names the variable, and Home Assistant is never called.
func TestInitRefusals(t *testing.T) {
	p := certs(t)
	garbage := filepath.Join(t.TempDir(), "garbage-ca.pem")
	if err := os.WriteFile(garbage, []byte("not a certificate\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		env      []string
		variable string
	}{
		{"HA_CA_FILE of garbage", []string{"HA_CA_FILE=" + garbage}, "HA_CA_FILE"},
		{"HA_CA_FILE holding a key", []string{"HA_CA_FILE=" + p.Server.KeyFile}, "HA_CA_FILE"},
		{"client certificate and key that do not pair", []string{"HA_CLIENT_KEY_FILE=" + p.Server.KeyFile}, "HA_CLIENT_KEY_FILE"},
		{"LEE_DNS_SERVER given a host name", []string{"LEE_DNS_SERVER=localhost:53"}, "LEE_DNS_SERVER"},
		{"HA_TIMEOUT=1ns", []string{"HA_TIMEOUT=1ns"}, "HA_TIMEOUT"},
		{"HA_TIMEOUT=50ms", []string{"HA_TIMEOUT=50ms"}, "HA_TIMEOUT"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			sim := startSim(t, hasim.Settings{}, "")
			rt := startFunction(t, append([]string{"HA_URL=" + sim.URL()}, tc.env...)...)
			ctx, cancel := context.WithTimeout(context.Background(), defaultBudget)
			defer cancel()
			res, err := rt.Invoke(ctx, sample(t, turnOn))
			var exit *harness.ExitError
			if !errors.As(err, &exit) {
				var answer []byte
				if res != nil {
					answer = res.Payload
				}
				t.Fatalf("the function started and answered (%v): %s; want an init failure", err, tail(answer, 300))
			}
			if exit.ExitCode == 0 {
				t.Errorf("the process exited with status 0")
			}
			lines := nonBlankLines(rt.Stdout(), rt.Stderr())
			if len(lines) != 1 || !strings.Contains(lines[0], tc.variable) {
				t.Fatalf("the function wrote %d lines, want one naming %s:\n%s", len(lines), tc.variable, strings.Join(lines, "\n"))
			}
			t.Logf("init line: %s", lines[0])
			if n := sim.Count(""); n != 0 {
				t.Errorf("Home Assistant received %d requests", n)
			}
		})
	}
}

// nonBlankLines is every non-blank line of the given outputs.
func nonBlankLines(outputs ...[]byte) []string {
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
