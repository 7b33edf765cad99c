package testpki_test

import (
	"crypto/x509"
	"errors"
	"fmt"
	"os"

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
