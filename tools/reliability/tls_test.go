package reliability

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lee-engine/lee/gateway"
	"github.com/lee-engine/lee/tools/hasim"
)

// tlsCase is one TLS set-up of TestTLS.
type tlsCase struct {
	name   string
	server hasim.Settings
	// env is added after baseEnv, which configures the client pair;
	// noClientCert takes it away again.
	env          []string
	noClientCert bool
	// caFromSim trusts the simulator's own throwaway CA through HA_CA_FILE.
	caFromSim bool
	// want is the Alexa error, "" for Home Assistant's good answer.
	want gateway.ErrorType
	// warnings is how many warnings that verification is off the
	// process must log.
	warnings int
}

// TestTLS runs the TLS settings end to end: verification is on by default,
// HA_CA_FILE admits a private CA, mutual TLS works with the client pair and
// fails without it, HA_VERIFY_TLS=false works with one warning, and a
// server that speaks only TLS 1.0/1.1 is refused.
func TestTLS(t *testing.T) {
	pki := certs(t)
	caEnv := []string{"HA_CA_FILE=" + pki.CA.CertFile}
	selfSigned := hasim.Settings{SelfSignedTLS: true}
	mutual := hasim.Settings{TLSConfig: pki.MutualTLSServerConfig()}
	unreachable := gateway.BridgeUnreachable
	tests := []tlsCase{
		{name: "self-signed refused by default", server: selfSigned, want: unreachable},
		{name: "HA_CA_FILE trusts the simulator's private CA", server: selfSigned, caFromSim: true},
		{name: "HA_CA_FILE trusts the test PKI's CA", server: hasim.Settings{TLSConfig: pki.ServerConfig(pki.Server)}, env: caEnv},
		{name: "mutual TLS with the client pair", server: mutual, env: caEnv},
		{name: "mutual TLS without a client certificate", server: mutual, env: caEnv, noClientCert: true, want: unreachable},
		{name: "HA_VERIFY_TLS=false accepts an untrusted certificate", server: selfSigned,
			env: []string{"HA_VERIFY_TLS=false"}, warnings: 1},
		{name: "NOT_VERIFY_SSL=true accepts an untrusted certificate", server: selfSigned,
			env: []string{"NOT_VERIFY_SSL=true"}, warnings: 1},
		{name: "TLS 1.1-only server refused", server: hasim.Settings{TLSConfig: pki.TLS11ServerConfig()}, env: caEnv, want: unreachable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			runTLS(t, tt)
		})
	}
}

// runTLS relays three directives over tt's set-up and checks the answers,
// that a refused connection never reached Home Assistant, and the warnings.
func runTLS(t *testing.T, tt tlsCase) {
	sim := startSim(t, tt.server, "")
	env := append([]string{"HA_URL=" + sim.URL()}, tt.env...)
	if tt.caFromSim {
		env = append(env, "HA_CA_FILE="+writeFile(t, "sim-ca.pem", sim.CAPEM()))
	}
	if tt.noClientCert {
		env = append(env, "HA_CLIENT_CERT_FILE=", "HA_CLIENT_KEY_FILE=")
	}
	rt := startFunction(t, env...)
	directive := sample(t, turnOn)
	// Three invocations: the warning of HA_VERIFY_TLS=false must come once
	// per process, not once per request.
	for range 3 {
		a := invoke(t, rt, directive, defaultBudget)
		a.inTime(t)
		if tt.want == "" {
			checkGood(t, turnOn, directive, a.payload)
		} else {
			checkError(t, directive, a.payload, tt.want)
		}
	}
	if tt.want != "" && smartHomeCalls(sim) != 0 {
		t.Errorf("the simulator handled %d requests over a refused connection", smartHomeCalls(sim))
	}
	// Counted once the process has ended, so that its whole output has
	// been captured.
	if err := rt.Close(); err != nil {
		t.Fatalf("close function: %v", err)
	}
	if got := verifyOffWarnings(rt.Stdout(), rt.Stderr()); got != tt.warnings {
		t.Errorf("%d warnings that TLS verification is off, want %d\nstdout: %s", got, tt.warnings, tail(rt.Stdout(), 3000))
	}
}

// verifyOffWarnings counts the warn-level log lines that say certificate
// verification is off.
func verifyOffWarnings(outputs ...[]byte) int {
	n := 0
	for _, out := range outputs {
		for _, line := range bytes.Split(out, []byte("\n")) {
			var rec struct {
				Level string `json:"level"`
				Msg   string `json:"msg"`
			}
			if json.Unmarshal(line, &rec) != nil {
				continue
			}
			msg := strings.ToLower(rec.Msg)
			if strings.EqualFold(rec.Level, "WARN") && strings.Contains(msg, "verification") && strings.Contains(msg, "off") {
				n++
			}
		}
	}
	return n
}

// writeFile writes data to a new file in the test's temporary folder.
func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
