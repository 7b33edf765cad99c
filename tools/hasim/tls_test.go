package hasim_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/lee-engine/lee/tools/hasim"
)

func TestSelfSignedTLS(t *testing.T) {
	srv, err := hasim.Start(hasim.Settings{Tokens: []string{testToken}, SelfSignedTLS: true}, "")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if !strings.HasPrefix(srv.URL(), "https://127.0.0.1:") {
		t.Fatalf("URL %s", srv.URL())
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(srv.CAPEM()) {
		t.Fatalf("CAPEM is not a PEM certificate: %q", srv.CAPEM())
	}
	// The certificate names both the address and localhost; the client
	// always connects to 127.0.0.1 and checks one name or the other.
	for _, name := range []string{"", "localhost"} {
		t.Run("name "+name, func(t *testing.T) {
			tr := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, ServerName: name}, ForceAttemptHTTP2: true}
			defer tr.CloseIdleConnections()
			req, _ := http.NewRequest("GET", srv.URL()+"/api/", nil)
			req.Header.Set("Authorization", "Bearer "+testToken)
			resp, err := (&http.Client{Transport: tr}).Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != 200 || resp.Proto != "HTTP/1.1" {
				t.Errorf("got %d over %s", resp.StatusCode, resp.Proto)
			}
		})
	}
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	if resp, err := (&http.Client{Transport: tr}).Get(srv.URL() + "/api/"); err == nil {
		resp.Body.Close()
		t.Errorf("an untrusted certificate was accepted")
	}
}

// testCertificate makes a self-signed certificate for 127.0.0.1.
func testCertificate(t *testing.T) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "test"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, pool
}

func TestCallerTLSConfig(t *testing.T) {
	cert, pool := testCertificate(t)
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}, NextProtos: []string{"h2", "http/1.1"}}
	srv, err := hasim.Start(hasim.Settings{Tokens: []string{testToken}, TLSConfig: cfg, SelfSignedTLS: true}, "")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if !strings.HasPrefix(srv.URL(), "https://") || srv.CAPEM() != nil {
		t.Errorf("URL %s, CAPEM %q (TLSConfig wins over SelfSignedTLS)", srv.URL(), srv.CAPEM())
	}
	tr := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}, ForceAttemptHTTP2: true}
	defer tr.CloseIdleConnections()
	req, _ := http.NewRequest("GET", srv.URL()+"/api/", nil)
	req.Header.Set("Authorization", "Bearer "+testToken)
	resp, err := (&http.Client{Transport: tr}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Proto != "HTTP/1.1" {
		t.Errorf("got %d over %s", resp.StatusCode, resp.Proto)
	}
	if len(cfg.NextProtos) != 2 {
		t.Errorf("the caller's TLSConfig was modified")
	}
}
