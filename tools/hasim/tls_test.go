package hasim_test

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/hasim"
	"github.com/lee-engine/lee/tools/testpki"
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
			getAPIOverHTTP1(t, srv, &tls.Config{RootCAs: pool, ServerName: name})
		})
	}
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	if resp, err := (&http.Client{Transport: tr}).Get(srv.URL() + "/api/"); err == nil {
		resp.Body.Close()
		t.Errorf("an untrusted certificate was accepted")
	}
}

// getAPIOverHTTP1 asks srv for /api/ with the test token over TLS with
// client, offering HTTP/2, and fails the test unless the answer is a 200
// over HTTP/1.1 (the simulator never speaks HTTP/2).
func getAPIOverHTTP1(t *testing.T, srv *hasim.Server, client *tls.Config) {
	t.Helper()
	tr := &http.Transport{TLSClientConfig: client, ForceAttemptHTTP2: true}
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
}

func TestCallerTLSConfig(t *testing.T) {
	pki, err := testpki.Generate(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	cfg := &tls.Config{Certificates: []tls.Certificate{pki.Server.TLS}, NextProtos: []string{"h2", "http/1.1"}}
	srv, err := hasim.Start(hasim.Settings{Tokens: []string{testToken}, TLSConfig: cfg, SelfSignedTLS: true}, "")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if !strings.HasPrefix(srv.URL(), "https://") || srv.CAPEM() != nil {
		t.Errorf("URL %s, CAPEM %q (TLSConfig wins over SelfSignedTLS)", srv.URL(), srv.CAPEM())
	}
	getAPIOverHTTP1(t, srv, &tls.Config{RootCAs: pki.CAPool()})
	if len(cfg.NextProtos) != 2 {
		t.Errorf("the caller's TLSConfig was modified")
	}
}
