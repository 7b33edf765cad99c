package testpki

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"os"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

func generate(t *testing.T) *PKI {
	t.Helper()
	p, err := Generate(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestChains(t *testing.T) {
	p := generate(t)
	serverUse := []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}
	clientUse := []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}
	tests := []struct {
		name  string
		cert  *x509.Certificate
		roots *x509.CertPool
		host  string
		usage []x509.ExtKeyUsage
		check func(error) bool
	}{
		{"server for localhost", p.Server.Cert, p.CAPool(), "localhost", serverUse, isNil},
		{"server for 127.0.0.1", p.Server.Cert, p.CAPool(), "127.0.0.1", serverUse, isNil},
		{"server for ::1", p.Server.Cert, p.CAPool(), "::1", serverUse, isNil},
		{"server for another name", p.Server.Cert, p.CAPool(), "example.com", serverUse, isHostname},
		{"server is not a client certificate", p.Server.Cert, p.CAPool(), "", clientUse, isReason(x509.IncompatibleUsage)},
		{"expired", p.Expired.Cert, p.CAPool(), "localhost", serverUse, isReason(x509.Expired)},
		{"wrong host for localhost", p.WrongHost.Cert, p.CAPool(), "localhost", serverUse, isHostname},
		{"wrong host for 127.0.0.1", p.WrongHost.Cert, p.CAPool(), "127.0.0.1", serverUse, isHostname},
		{"wrong host for its own name", p.WrongHost.Cert, p.CAPool(), WrongHostName, serverUse, isNil},
		{"untrusted against the CA", p.Untrusted.Cert, p.CAPool(), "localhost", serverUse, isUnknownAuthority},
		{"untrusted against its own CA", p.Untrusted.Cert, pool(p.OtherCA.Cert), "localhost", serverUse, isNil},
		{"client against the client CA", p.Client.Cert, p.ClientCAPool(), "", clientUse, isNil},
		{"client against the server CA", p.Client.Cert, p.CAPool(), "", clientUse, isUnknownAuthority},
		{"client is not a server certificate", p.Client.Cert, p.ClientCAPool(), "", serverUse, isReason(x509.IncompatibleUsage)},
		{"server against the client CA", p.Server.Cert, p.ClientCAPool(), "localhost", serverUse, isUnknownAuthority},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.cert.Verify(x509.VerifyOptions{Roots: tc.roots, DNSName: tc.host, KeyUsages: tc.usage})
			if !tc.check(err) {
				t.Fatalf("verify: unexpected result %v", err)
			}
		})
	}
}

func pool(certs ...*x509.Certificate) *x509.CertPool {
	p := x509.NewCertPool()
	for _, c := range certs {
		p.AddCert(c)
	}
	return p
}

func isNil(err error) bool { return err == nil }

func isHostname(err error) bool {
	var he x509.HostnameError
	return errors.As(err, &he)
}

func isUnknownAuthority(err error) bool {
	var ua x509.UnknownAuthorityError
	return errors.As(err, &ua)
}

func isReason(r x509.InvalidReason) func(error) bool {
	return func(err error) bool {
		var ci x509.CertificateInvalidError
		return errors.As(err, &ci) && ci.Reason == r
	}
}

func TestCertificatesAreP256AndCAsAreCAs(t *testing.T) {
	p := generate(t)
	pairs := map[string]struct {
		pair Pair
		ca   bool
	}{
		"CA": {p.CA, true}, "OtherCA": {p.OtherCA, true}, "ClientCA": {p.ClientCA, true},
		"Server": {p.Server, false}, "Expired": {p.Expired, false}, "WrongHost": {p.WrongHost, false},
		"Untrusted": {p.Untrusted, false}, "Client": {p.Client, false},
	}
	for name, tc := range pairs {
		t.Run(name, func(t *testing.T) {
			pub, ok := tc.pair.Cert.PublicKey.(*ecdsa.PublicKey)
			if !ok || pub.Curve != elliptic.P256() {
				t.Errorf("public key %T is not ECDSA P-256", tc.pair.Cert.PublicKey)
			}
			if tc.pair.Cert.IsCA != tc.ca {
				t.Errorf("IsCA = %v, want %v", tc.pair.Cert.IsCA, tc.ca)
			}
		})
	}
}

func TestFilesMatchTheCertificates(t *testing.T) {
	p := generate(t)
	for name, pair := range map[string]Pair{"Server": p.Server, "Client": p.Client, "CA": p.CA, "Expired": p.Expired} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(pair.CertFile)
			if err != nil {
				t.Fatal(err)
			}
			block, _ := pem.Decode(data)
			if block == nil || block.Type != "CERTIFICATE" {
				t.Fatalf("%s is not a PEM certificate", pair.CertFile)
			}
			onDisk, err := x509.ParseCertificate(block.Bytes)
			if err != nil || !onDisk.Equal(pair.Cert) {
				t.Fatalf("file certificate differs from the returned one (%v)", err)
			}
			loaded, err := tls.LoadX509KeyPair(pair.CertFile, pair.KeyFile)
			if err != nil {
				t.Fatalf("key pair does not load: %v", err)
			}
			if _, ok := loaded.PrivateKey.(*ecdsa.PrivateKey); !ok {
				t.Errorf("key is %T", loaded.PrivateKey)
			}
			info, err := os.Stat(pair.KeyFile)
			if err != nil || info.Mode().Perm() != 0o600 {
				t.Errorf("key file mode %v (%v), want 0600", info.Mode().Perm(), err)
			}
		})
	}
}

func TestGenerateIntoMissingFolder(t *testing.T) {
	if _, err := Generate(t.TempDir() + "/absent"); err == nil {
		t.Fatal("no error for a folder that does not exist")
	}
}
