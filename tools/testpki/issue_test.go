package testpki

import (
	"crypto/x509"
	"encoding/pem"
	"net"
	"testing"
	"time"
)

func TestIssueChain(t *testing.T) {
	now := time.Now()
	ca, err := Issue(Spec{CommonName: "issuing CA", NotBefore: now.Add(-time.Hour), NotAfter: now.Add(time.Hour), Usage: UsageCA}, nil)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := Issue(Spec{CommonName: "localhost", Organization: "LEE tests", DNSNames: []string{"localhost"},
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, NotBefore: now.Add(-time.Hour), NotAfter: now.Add(time.Hour), Usage: UsageServer}, ca)
	if err != nil {
		t.Fatal(err)
	}
	roots := x509.NewCertPool()
	roots.AddCert(ca.Cert)
	for _, host := range []string{"localhost", "127.0.0.1"} {
		if _, err := srv.Cert.Verify(x509.VerifyOptions{Roots: roots, DNSName: host}); err != nil {
			t.Errorf("server for %s: %v", host, err)
		}
	}
	if !ca.Cert.IsCA || ca.Cert.Subject.CommonName != "issuing CA" || len(ca.Cert.Subject.Organization) != 0 {
		t.Errorf("CA subject %v, IsCA %v", ca.Cert.Subject, ca.Cert.IsCA)
	}
	if got := srv.Cert.Subject.Organization; len(got) != 1 || got[0] != "LEE tests" {
		t.Errorf("organization = %v", got)
	}
	if srv.Cert.SerialNumber.Sign() <= 0 || srv.Cert.SerialNumber.Cmp(ca.Cert.SerialNumber) == 0 {
		t.Errorf("serials %v and %v: want positive and distinct", ca.Cert.SerialNumber, srv.Cert.SerialNumber)
	}
	tc := srv.TLS(ca)
	if len(tc.Certificate) != 2 || tc.Leaf != srv.Cert || tc.PrivateKey != srv.Key {
		t.Errorf("TLS certificate: %d certificates, leaf %v", len(tc.Certificate), tc.Leaf == srv.Cert)
	}
	block, rest := pem.Decode(ca.PEM())
	if block == nil || block.Type != "CERTIFICATE" || len(rest) != 0 || string(block.Bytes) != string(ca.DER) {
		t.Errorf("PEM does not hold exactly the certificate")
	}
}

func TestIssueUsages(t *testing.T) {
	tests := []struct {
		name  string
		usage Usage
		isCA  bool
		ext   []x509.ExtKeyUsage
	}{
		{"zero", 0, false, nil},
		{"CA", UsageCA, true, nil},
		{"server", UsageServer, false, []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}},
		{"client", UsageClient, false, []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Issue(Spec{CommonName: tc.name, NotAfter: time.Now().Add(time.Hour), Usage: tc.usage}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if c.Cert.IsCA != tc.isCA || len(c.Cert.ExtKeyUsage) != len(tc.ext) {
				t.Fatalf("IsCA %v, ExtKeyUsage %v", c.Cert.IsCA, c.Cert.ExtKeyUsage)
			}
			for i := range tc.ext {
				if c.Cert.ExtKeyUsage[i] != tc.ext[i] {
					t.Errorf("ExtKeyUsage %v, want %v", c.Cert.ExtKeyUsage, tc.ext)
				}
			}
		})
	}
}
