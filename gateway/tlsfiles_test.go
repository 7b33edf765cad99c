package gateway

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lee-engine/lee/config"
)

// writeSelfSigned writes a self-signed certificate and its key as PEM files
// in dir and returns their paths.
func writeSelfSigned(t *testing.T, dir, name string) (certFile, keyFile string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: name},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	certFile, keyFile = filepath.Join(dir, name+".crt"), filepath.Join(dir, name+".key")
	writeFile(t, certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}))
	writeFile(t, keyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}))
	return certFile, keyFile
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestNewChecksTLSFiles: New reads the TLS files, so that one that cannot
// be used stops init with a *config.VarError naming its variable — a
// garbage CA bundle, a certificate and key that do not pair — and never
// quoting the key.
func TestNewChecksTLSFiles(t *testing.T) {
	dir := t.TempDir()
	cert, key := writeSelfSigned(t, dir, "client")
	_, otherKey := writeSelfSigned(t, dir, "other")
	garbage := filepath.Join(dir, "garbage.pem")
	writeFile(t, garbage, []byte("this is not PEM"))
	keyPEM, err := os.ReadFile(key)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name          string
		ca, cert, key string
		wantVar       string // "" when New must succeed
	}{
		{"garbage CA bundle", garbage, "", "", config.VarCAFile},
		{"key file as CA bundle", key, "", "", config.VarCAFile},
		{"certificate and key that do not pair", "", cert, otherKey, config.VarClientKeyFile},
		{"garbage certificate", "", garbage, key, config.VarClientCertFile},
		{"garbage key", "", cert, garbage, config.VarClientKeyFile},
		{"half a pair", "", cert, "", config.VarClientCertFile},
		{"good CA bundle and pair", cert, cert, key, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg := testConfig(localURL)
			cfg.CAFile, cfg.ClientCertFile, cfg.ClientKeyFile = tc.ca, tc.cert, tc.key
			g, err := New(cfg, Options{Stdout: &syncBuffer{}})
			if tc.wantVar == "" {
				if err != nil {
					t.Fatalf("New: %v", err)
				}
				return
			}
			var ve *config.VarError
			if g != nil || !errors.As(err, &ve) || ve.Var != tc.wantVar {
				t.Fatalf("New = %v, %v; want a *config.VarError naming %s", g, err, tc.wantVar)
			}
			if !strings.HasPrefix(err.Error(), "config: "+tc.wantVar+": ") || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q is not one line naming %s", err, tc.wantVar)
			}
			for _, line := range strings.Split(string(keyPEM), "\n") {
				if len(line) > 8 && !strings.HasPrefix(line, "-----") && strings.Contains(err.Error(), line) {
					t.Fatalf("error %q shows the key", err)
				}
			}
		})
	}
}

// TestTLSFilesReadOnceByNew: the HTTP client is built from what New read:
// with HA_CA_FILE deleted after New, the first request still trusts the
// private CA.
func TestTLSFilesReadOnceByNew(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusOK)
	}))
	defer srv.Close()
	cfg := testConfig(srv.URL)
	cfg.CAFile = filepath.Join(t.TempDir(), "ha-ca.pem")
	writeFile(t, cfg.CAFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}))
	g, _ := newTestGateway(t, cfg)
	if err := os.Remove(cfg.CAFile); err != nil {
		t.Fatal(err)
	}
	res, err := g.CallHomeAssistant(context.Background(), SmartHomePath, directiveToken, nil)
	if err != nil || res.Status != http.StatusOK {
		t.Fatalf("%v, %v; want HTTP 200 over TLS verified with the CA read by New", res, err)
	}
}
