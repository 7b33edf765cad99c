package testpki

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"time"
)

// spec describes one certificate to issue.
type spec struct {
	cn     string
	dns    []string
	ips    []net.IP
	from   time.Time
	to     time.Time
	ca     bool
	server bool
	client bool
}

// issued is a signing certificate with its key.
type issued struct {
	cert *x509.Certificate
	key  crypto.PrivateKey
}

// create issues a certificate for s, signed by parent (self-signed when
// parent is nil), and writes it and its key as PEM.
func create(s spec, parent *issued, certFile, keyFile string) (Pair, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return Pair{}, fmt.Errorf("generate key: %w", err)
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		return Pair{}, fmt.Errorf("serial number: %w", err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial,
		Subject:      pkix.Name{CommonName: s.cn, Organization: []string{"LEE tests"}},
		NotBefore:    s.from,
		NotAfter:     s.to,
		DNSNames:     s.dns,
		IPAddresses:  s.ips,
		KeyUsage:     x509.KeyUsageDigitalSignature,
	}
	switch {
	case s.ca:
		tmpl.IsCA = true
		tmpl.BasicConstraintsValid = true
		tmpl.KeyUsage = x509.KeyUsageCertSign | x509.KeyUsageCRLSign
	case s.server:
		tmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}
	case s.client:
		tmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}
	}
	signer, signerCert := crypto.PrivateKey(key), tmpl
	if parent != nil {
		signer, signerCert = parent.key, parent.cert
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, signerCert, &key.PublicKey, signer)
	if err != nil {
		return Pair{}, fmt.Errorf("sign certificate %s: %w", s.cn, err)
	}
	return writePair(der, key, certFile, keyFile)
}

// writePair writes the PEM files and loads them back, so the files are
// proven usable by the same path a program takes.
func writePair(der []byte, key *ecdsa.PrivateKey, certFile, keyFile string) (Pair, error) {
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return Pair{}, fmt.Errorf("encode key: %w", err)
	}
	if err := os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644); err != nil {
		return Pair{}, fmt.Errorf("write certificate: %w", err)
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		return Pair{}, fmt.Errorf("write key: %w", err)
	}
	tc, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		return Pair{}, fmt.Errorf("load back %s: %w", certFile, err)
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		return Pair{}, fmt.Errorf("parse certificate: %w", err)
	}
	tc.Leaf = leaf
	return Pair{CertFile: certFile, KeyFile: keyFile, Cert: leaf, TLS: tc}, nil
}
