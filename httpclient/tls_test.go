package httpclient_test

import (
	"bytes"
	"crypto/tls"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/lee-engine/lee/httpclient"
)

func TestTLSVerification(t *testing.T) {
	ca := newCA(t, "lee-test-ca")
	good := ca.issue(t, loopbackLeaf)
	expired := ca.issue(t, leafSpec{name: "expired", ips: []net.IP{net.IPv4(127, 0, 0, 1)}, expired: true})
	wrongHost := ca.issue(t, leafSpec{name: "other", dnsNames: []string{"other.example"}})
	tests := []struct {
		name     string
		server   *tls.Config
		settings httpclient.Settings
		wantErr  bool
	}{
		{"unknown authority fails by default", &tls.Config{Certificates: []tls.Certificate{good}}, httpclient.Settings{}, true},
		{"CA file makes it pass", &tls.Config{Certificates: []tls.Certificate{good}}, httpclient.Settings{CAFile: ca.pemFile}, false},
		{"expired certificate fails", &tls.Config{Certificates: []tls.Certificate{expired}}, httpclient.Settings{CAFile: ca.pemFile}, true},
		{"wrong host fails", &tls.Config{Certificates: []tls.Certificate{wrongHost}}, httpclient.Settings{CAFile: ca.pemFile}, true},
		{"TLS 1.1 only server is refused", &tls.Config{
			Certificates: []tls.Certificate{good}, MinVersion: tls.VersionTLS10, MaxVersion: tls.VersionTLS11,
		}, httpclient.Settings{CAFile: ca.pemFile}, true},
		{"skip verify accepts an unknown authority", &tls.Config{Certificates: []tls.Certificate{good}}, httpclient.Settings{InsecureSkipVerify: true}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, count := startTLS(t, tt.server, ok)
			logger, _ := logBuffer()
			tt.settings.Logger = logger
			c := newClient(t, tt.settings)
			resp, err := c.Do(budget(t), httpclient.Request{Method: http.MethodPost, URL: srv.URL, Body: []byte(`{}`)})
			if !tt.wantErr {
				if err != nil || resp.StatusCode != http.StatusOK {
					t.Fatalf("Do = %v, %v; want 200", resp, err)
				}
				return
			}
			e := wantKind(t, err, httpclient.KindTLS)
			if e.Attempts != 1 || count.Load() != 0 {
				t.Fatalf("attempts %d, server saw %d requests; want 1 and 0", e.Attempts, count.Load())
			}
		})
	}
}

func TestHTTPSClientAgainstHTTPServer(t *testing.T) {
	srv, _ := startHTTP(t, ok)
	c := newClient(t, httpclient.Settings{})
	_, err := c.Do(budget(t), httpclient.Request{URL: strings.Replace(srv.URL, "http://", "https://", 1)})
	wantKind(t, err, httpclient.KindTLS)
}

// mutualTLSServer starts a loopback TLS server that requires a client
// certificate issued by its own client CA and answers with the client's
// common name. It returns the server, the CA that issued the server's
// certificate (its PEM file is what the client trusts), and the files of
// a client certificate "lee-client" the server accepts.
func mutualTLSServer(t *testing.T) (srv *httptest.Server, serverCA *testCA, certFile, keyFile string) {
	t.Helper()
	serverCA, clientCA := newCA(t, "server-ca"), newCA(t, "client-ca")
	certFile, keyFile = clientCA.issueFiles(t, leafSpec{name: "lee-client", client: true})
	conf := &tls.Config{
		Certificates: []tls.Certificate{serverCA.issue(t, loopbackLeaf)},
		ClientAuth:   tls.RequireAndVerifyClientCert,
		ClientCAs:    clientCA.pool(),
	}
	srv, _ = startTLS(t, conf, func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(r.TLS.PeerCertificates[0].Subject.CommonName))
	})
	return srv, serverCA, certFile, keyFile
}

func TestMutualTLS(t *testing.T) {
	srv, serverCA, certFile, keyFile := mutualTLSServer(t)
	t.Run("with the client certificate", func(t *testing.T) {
		c := newClient(t, httpclient.Settings{CAFile: serverCA.pemFile, ClientCertFile: certFile, ClientKeyFile: keyFile})
		resp, err := c.Do(budget(t), httpclient.Request{URL: srv.URL})
		if err != nil {
			t.Fatalf("Do: %v", err)
		}
		if string(resp.Body) != "lee-client" {
			t.Fatalf("server saw client %q, want lee-client", resp.Body)
		}
	})
	t.Run("without it", func(t *testing.T) {
		c := newClient(t, httpclient.Settings{CAFile: serverCA.pemFile})
		_, err := c.Do(budget(t), httpclient.Request{URL: srv.URL})
		wantKind(t, err, httpclient.KindTLS)
	})
}

func TestInsecureSkipVerifyWarnsOncePerClient(t *testing.T) {
	ca := newCA(t, "ca")
	srv, _ := startTLS(t, &tls.Config{Certificates: []tls.Certificate{ca.issue(t, loopbackLeaf)}}, ok)
	logger, buf := logBuffer()
	c := newClient(t, httpclient.Settings{InsecureSkipVerify: true, Logger: logger})
	for range 3 {
		if _, err := c.Do(budget(t), httpclient.Request{URL: srv.URL}); err != nil {
			t.Fatalf("Do: %v", err)
		}
	}
	if n := bytes.Count(buf.Bytes(), []byte("level=WARN")); n != 1 {
		t.Fatalf("%d warnings, want 1:\n%s", n, buf)
	}
	if !strings.Contains(buf.String(), "InsecureSkipVerify") {
		t.Fatalf("warning does not name the setting:\n%s", buf)
	}
}
