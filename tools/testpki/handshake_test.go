package testpki

import (
	"crypto/tls"
	"crypto/x509"
	"io"
	"strings"
	"testing"
)

// handshake runs one TLS handshake between server and client configs over
// loopback and returns both sides' errors and the negotiated version. The
// client reads one byte after its handshake so that a TLS 1.3 server's late
// rejection of a client certificate reaches it.
func handshake(t *testing.T, server, client *tls.Config) (serverErr, clientErr error, version uint16) {
	t.Helper()
	ln, err := tls.Listen("tcp", "127.0.0.1:0", server)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	done := make(chan error, 1)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			done <- err
			return
		}
		defer c.Close()
		err = c.(*tls.Conn).Handshake()
		if err == nil {
			_, err = c.Write([]byte{1})
		}
		if err == nil {
			// Wait for the client to finish reading before closing.
			_, _ = io.Copy(io.Discard, c)
		}
		done <- err
	}()
	conn, err := tls.Dial("tcp", ln.Addr().String(), client)
	if err == nil {
		version = conn.ConnectionState().Version
		_, err = conn.Read(make([]byte, 1))
		conn.Close()
	}
	return <-done, err, version
}

func TestHandshakes(t *testing.T) {
	p := generate(t)
	legacy := p.ClientConfig(false)
	legacy.MinVersion = tls.VersionTLS10
	tests := []struct {
		name        string
		server      *tls.Config
		client      *tls.Config
		ok          bool
		wantVersion uint16
		// why checks the error of the side that refuses.
		why func(serverErr, clientErr error) bool
	}{
		{"server certificate trusted", p.ServerConfig(p.Server), p.ClientConfig(false), true, 0, nil},
		{"expired refused", p.ServerConfig(p.Expired), p.ClientConfig(false), false, 0, client(isReason(x509.Expired))},
		{"wrong host refused", p.ServerConfig(p.WrongHost), p.ClientConfig(false), false, 0, client(isHostname)},
		{"unrelated CA refused", p.ServerConfig(p.Untrusted), p.ClientConfig(false), false, 0, client(isUnknownAuthority)},
		{"mutual TLS with a client certificate", p.MutualTLSServerConfig(), p.ClientConfig(true), true, 0, nil},
		{"mutual TLS without a client certificate", p.MutualTLSServerConfig(), p.ClientConfig(false), false, 0,
			func(serverErr, _ error) bool {
				return serverErr != nil && strings.Contains(serverErr.Error(), "client didn't provide a certificate")
			}},
		{"TLS 1.1 server refused by a default client", p.TLS11ServerConfig(), p.ClientConfig(false), false, 0,
			func(serverErr, clientErr error) bool {
				return strings.Contains(serverErr.Error()+clientErr.Error(), "protocol version")
			}},
		{"TLS 1.1 server speaks TLS 1.1", p.TLS11ServerConfig(), legacy, true, tls.VersionTLS11, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.client.ServerName = "localhost"
			serverErr, clientErr, version := handshake(t, tc.server, tc.client)
			if ok := serverErr == nil && clientErr == nil; ok != tc.ok {
				t.Fatalf("handshake ok = %v, want %v (server: %v, client: %v)", ok, tc.ok, serverErr, clientErr)
			}
			if tc.why != nil && !tc.why(serverErr, clientErr) {
				t.Errorf("refused for another reason (server: %v, client: %v)", serverErr, clientErr)
			}
			if tc.wantVersion != 0 && version != tc.wantVersion {
				t.Errorf("negotiated %s, want %s", tls.VersionName(version), tls.VersionName(tc.wantVersion))
			}
		})
	}
}

// TestHandshakeByIP checks the server certificate by address as well as by
// name, the way a client configured with https://127.0.0.1:port sees it.
func TestHandshakeByIP(t *testing.T) {
	p := generate(t)
	client := p.ClientConfig(false)
	client.ServerName = "127.0.0.1"
	if serverErr, clientErr, _ := handshake(t, p.ServerConfig(p.Server), client); serverErr != nil || clientErr != nil {
		t.Fatalf("server: %v, client: %v", serverErr, clientErr)
	}
}

// client applies check to the client's error.
func client(check func(error) bool) func(serverErr, clientErr error) bool {
	return func(_, clientErr error) bool { return check(clientErr) }
}
