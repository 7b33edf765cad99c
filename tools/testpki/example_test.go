package testpki_test

import (
	"crypto/x509"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/lee-engine/lee/tools/testpki"
)

// ExampleGenerate makes a fresh PKI and checks two of its certificates the
// way a TLS client would.
func ExampleGenerate() {
	dir, err := os.MkdirTemp("", "testpki-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	pki, err := testpki.Generate(dir)
	if err != nil {
		fmt.Println(err)
		return
	}
	opts := x509.VerifyOptions{Roots: pki.CAPool(), DNSName: "127.0.0.1"}
	_, err = pki.Server.Cert.Verify(opts)
	fmt.Println("server:", err)
	_, err = pki.Expired.Cert.Verify(opts)
	var invalid x509.CertificateInvalidError
	fmt.Println("expired:", errors.As(err, &invalid) && invalid.Reason == x509.Expired)
	// Output:
	// server: <nil>
	// expired: true
}

// ExampleIssue makes a CA and a server certificate in memory, without
// files, and checks the server's certificate against the CA.
func ExampleIssue() {
	now := time.Now()
	ca, err := testpki.Issue(testpki.Spec{CommonName: "example CA",
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(time.Hour), Usage: testpki.UsageCA}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	server, err := testpki.Issue(testpki.Spec{CommonName: "localhost", DNSNames: []string{"localhost"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(time.Hour), Usage: testpki.UsageServer}, ca)
	if err != nil {
		fmt.Println(err)
		return
	}
	roots := x509.NewCertPool()
	roots.AddCert(ca.Cert)
	_, err = server.Cert.Verify(x509.VerifyOptions{Roots: roots, DNSName: "localhost"})
	fmt.Println("server:", err, "chain:", len(server.TLS(ca).Certificate))
	// Output: server: <nil> chain: 2
}
