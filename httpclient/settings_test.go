package httpclient_test

import (
	"log/slog"
	"strings"
	"testing"

	"github.com/lee-engine/lee/httpclient"
)

func TestNewRejectsBadSettings(t *testing.T) {
	ca := newCA(t, "ca")
	certFile, keyFile := ca.issueFiles(t, leafSpec{name: "client", client: true})
	garbageCA := writeFile(t, "garbage-ca.pem", "NOT-A-CERT-SECRET-CONTENT")
	garbageKey := writeFile(t, "garbage.key", "-----BEGIN PRIVATE KEY-----\nU0VDUkVULUtFWS1CWVRFUw==\n-----END PRIVATE KEY-----\n")
	missing := t.TempDir() + "/missing.pem"
	tests := []struct {
		name     string
		settings httpclient.Settings
		want     string // must appear in the error
	}{
		{"negative body limit", httpclient.Settings{MaxBodyBytes: -1}, "MaxBodyBytes"},
		{"negative dial timeout", httpclient.Settings{DialTimeout: -1}, "DialTimeout"},
		{"negative idle timeout", httpclient.Settings{IdleTimeout: -1}, "IdleTimeout"},
		{"certificate without key", httpclient.Settings{ClientCertFile: certFile}, "together"},
		{"key without certificate", httpclient.Settings{ClientKeyFile: keyFile}, "together"},
		{"DNS server without port", httpclient.Settings{DNSServer: "127.0.0.1"}, "DNSServer"},
		{"DNS server by name", httpclient.Settings{DNSServer: "dns.example:53"}, "DNSServer"},
		{"bad header name", httpclient.Settings{Headers: map[string]string{"Bad Name": "v"}}, `"Bad Name"`},
		{"header value with newline", httpclient.Settings{Headers: map[string]string{"X-Token": "SECRET\r\nX-Injected: 1"}}, `"X-Token"`},
		{"header given twice", httpclient.Settings{Headers: map[string]string{"x-a": "1", "X-A": "2"}}, `"X-A"`},
		{"missing CA file", httpclient.Settings{CAFile: missing}, missing},
		{"CA file without certificates", httpclient.Settings{CAFile: garbageCA}, garbageCA},
		{"missing client key", httpclient.Settings{ClientCertFile: certFile, ClientKeyFile: missing}, missing},
		{"unparsable client key", httpclient.Settings{ClientCertFile: certFile, ClientKeyFile: garbageKey}, garbageKey},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := httpclient.New(tt.settings)
			if err == nil {
				c.CloseIdleConnections()
				t.Fatal("New accepted the settings")
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.want) {
				t.Fatalf("error %q does not name %q", msg, tt.want)
			}
			for _, secret := range []string{"SECRET", "U0VDUkVU", "Injected"} {
				if strings.Contains(msg, secret) {
					t.Fatalf("error %q shows content %q", msg, secret)
				}
			}
		})
	}
}

func TestNilLoggerUsesDefaultAtLogTime(t *testing.T) {
	logger, buf := logBuffer()
	previous := slog.Default()
	t.Cleanup(func() { slog.SetDefault(previous) })
	slog.SetDefault(logger)
	c, err := httpclient.New(httpclient.Settings{InsecureSkipVerify: true})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	c.CloseIdleConnections()
	if !strings.Contains(buf.String(), "InsecureSkipVerify") {
		t.Fatalf("warning not sent to slog.Default():\n%s", buf)
	}
}
