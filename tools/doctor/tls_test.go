package doctor_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/lee-engine/lee/tools/doctor"
	"github.com/lee-engine/lee/tools/hasim"
	"github.com/lee-engine/lee/tools/testpki"
)

func TestTLS(t *testing.T) {
	pki, err := testpki.Generate(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		served   *testpki.Pair
		caFile   string
		expiry   time.Duration
		status   doctor.Status
		finding  []string
		fix      []string
		reportOK bool
	}{
		{name: "trusted through the CA file", served: &pki.Server, caFile: pki.CA.CertFile, expiry: time.Hour,
			status: doctor.Pass, finding: []string{"certificate for 127.0.0.1", "LEE test CA", "--ca-file only", "HA_CA_FILE"}, reportOK: true},
		{name: "expiring soon", served: &pki.Server, caFile: pki.CA.CertFile,
			status: doctor.Warn, finding: []string{"expires in 0 days"}, fix: []string{"renew"}, reportOK: true},
		{name: "expired", served: &pki.Expired, caFile: pki.CA.CertFile, expiry: time.Hour,
			status: doctor.Fail, finding: []string{"expired on"}, fix: []string{"renew"}},
		{name: "wrong host name", served: &pki.WrongHost, caFile: pki.CA.CertFile, expiry: time.Hour,
			status: doctor.Fail, finding: []string{"for " + testpki.WrongHostName + ", not 127.0.0.1"}, fix: []string{"covers 127.0.0.1"}},
		{name: "private CA without the CA file", served: &pki.Server, expiry: time.Hour,
			status: doctor.Fail, finding: []string{"signed by LEE test CA", "not a trusted authority"}, fix: []string{"HA_CA_FILE", "--ca-file", "Let's Encrypt"}},
		{name: "CA file of another CA", served: &pki.Untrusted, caFile: pki.CA.CertFile, expiry: time.Hour,
			status: doctor.Fail, finding: []string{"Unrelated test CA"}, fix: []string{"does not hold the CA"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sim := startSim(t, hasim.Settings{TLSConfig: pki.ServerConfig(*tt.served)})
			rep, text := diagnose(t, doctor.Settings{URL: sim.URL(), Token: goodToken, CAFile: tt.caFile, ExpiryWarning: tt.expiry})
			r := result(t, rep, text, "tls", tt.status)
			mentions(t, "finding", r.Finding, tt.finding...)
			mentions(t, "fix", r.Fix, tt.fix...)
			if rep.OK() != tt.reportOK {
				t.Fatalf("OK() = %v, want %v:\n%s", rep.OK(), tt.reportOK, text)
			}
			if tt.reportOK {
				result(t, rep, text, "discovery", doctor.Pass)
			} else if rep.Stopped != "tls" {
				t.Fatalf("stopped after %q, want tls", rep.Stopped)
			}
		})
	}
}

// TestSelfSignedSimulator covers the simulator's own throwaway CA: refused
// without --ca-file, trusted with it.
func TestSelfSignedSimulator(t *testing.T) {
	sim := startSim(t, hasim.Settings{SelfSignedTLS: true})
	rep, text := diagnose(t, doctor.Settings{URL: sim.URL(), Token: goodToken})
	r := result(t, rep, text, "tls", doctor.Fail)
	mentions(t, "fix", r.Fix, "HA_CA_FILE")
	if rep.OK() {
		t.Fatalf("a self-signed certificate passed without --ca-file:\n%s", text)
	}
	caFile := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(caFile, sim.CAPEM(), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, text = diagnose(t, doctor.Settings{URL: sim.URL(), Token: goodToken, CAFile: caFile, ExpiryWarning: time.Hour})
	result(t, rep, text, "tls", doctor.Pass)
	if !rep.OK() {
		t.Fatalf("the simulator's CA given with --ca-file still failed:\n%s", text)
	}
}

func TestBadCAFile(t *testing.T) {
	sim := startSim(t, hasim.Settings{SelfSignedTLS: true})
	notPEM := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(notPEM, []byte("not a certificate"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, file := range map[string]string{"not PEM": notPEM, "missing": filepath.Join(t.TempDir(), "none.pem")} {
		t.Run(name, func(t *testing.T) {
			rep, text := diagnose(t, doctor.Settings{URL: sim.URL(), Token: goodToken, CAFile: file})
			result(t, rep, text, "tls", doctor.Fail)
			if rep.Stopped != "tls" {
				t.Fatalf("stopped after %q, want tls", rep.Stopped)
			}
		})
	}
}
