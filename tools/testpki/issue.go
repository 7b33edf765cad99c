package testpki

import (
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

// Usage is what an issued certificate may be used for. The zero value is a
// plain signature key with no extended key usage, valid for neither TLS
// role.
type Usage int

const (
	// UsageCA signs other certificates.
	UsageCA Usage = iota + 1
	// UsageServer authenticates a TLS server.
	UsageServer
	// UsageClient authenticates a TLS client.
	UsageClient
)

// Spec describes one certificate for Issue. Every field's zero value is
// usable, though a certificate valid at no time is of little use.
//
//   - CommonName is the subject's CN. Empty: none.
//   - Organization is the subject's O. Empty: none.
//   - DNSNames and IPAddresses are the names a server certificate is valid
//     for. Nil: none.
//   - NotBefore and NotAfter bound its validity. Zero: the zero time.
//   - Usage is what it is for. Zero: see Usage.
type Spec struct {
	CommonName   string
	Organization string
	DNSNames     []string
	IPAddresses  []net.IP
	NotBefore    time.Time
	NotAfter     time.Time
	Usage        Usage
}

// Issued is a certificate with its private key, in memory only.
type Issued struct {
	// DER is the certificate as issued.
	DER []byte
	// Cert is DER parsed.
	Cert *x509.Certificate
	// Key is the certificate's ECDSA P-256 private key.
	Key *ecdsa.PrivateKey
}

// Issue makes a fresh key and a certificate for s, signed by parent's key,
// or self-signed when parent is nil.
func Issue(s Spec, parent *Issued) (*Issued, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("issue %s: generate key: %w", s.CommonName, err)
	}
	serial, err := serialNumber()
	if err != nil {
		return nil, fmt.Errorf("issue %s: %w", s.CommonName, err)
	}
	tmpl := template(s, serial)
	signerCert, signerKey := tmpl, key
	if parent != nil {
		signerCert, signerKey = parent.Cert, parent.Key
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, signerCert, &key.PublicKey, signerKey)
	if err != nil {
		return nil, fmt.Errorf("issue %s: sign: %w", s.CommonName, err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, fmt.Errorf("issue %s: parse: %w", s.CommonName, err)
	}
	return &Issued{DER: der, Cert: cert, Key: key}, nil
}

// template turns s into the certificate to sign.
func template(s Spec, serial *big.Int) *x509.Certificate {
	subject := pkix.Name{CommonName: s.CommonName}
	if s.Organization != "" {
		subject.Organization = []string{s.Organization}
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial,
		Subject:      subject,
		NotBefore:    s.NotBefore,
		NotAfter:     s.NotAfter,
		DNSNames:     s.DNSNames,
		IPAddresses:  s.IPAddresses,
		KeyUsage:     x509.KeyUsageDigitalSignature,
	}
	switch s.Usage {
	case UsageCA:
		tmpl.IsCA = true
		tmpl.BasicConstraintsValid = true
		tmpl.KeyUsage = x509.KeyUsageCertSign | x509.KeyUsageCRLSign
	case UsageServer:
		tmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}
	case UsageClient:
		tmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}
	}
	return tmpl
}

// serialNumber is a random positive 127-bit number: RFC 5280 wants serials
// positive and unique per issuer, which randomness gives without state.
func serialNumber() (*big.Int, error) {
	n, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		return nil, fmt.Errorf("serial number: %w", err)
	}
	return n.Add(n, big.NewInt(1)), nil
}

// TLS returns the certificate and key ready for tls.Config.Certificates,
// followed by the chain (its issuer, and so on up) that the peer may need.
func (c *Issued) TLS(chain ...*Issued) tls.Certificate {
	certs := [][]byte{c.DER}
	for _, link := range chain {
		certs = append(certs, link.DER)
	}
	return tls.Certificate{Certificate: certs, PrivateKey: c.Key, Leaf: c.Cert}
}

// PEM returns the certificate in PEM form, as trust stores read it.
func (c *Issued) PEM() []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.DER})
}

// writePair writes the PEM files and loads them back, so the files are
// proven usable by the same path a program takes.
func writePair(c *Issued, certFile, keyFile string) (Pair, error) {
	keyDER, err := x509.MarshalPKCS8PrivateKey(c.Key)
	if err != nil {
		return Pair{}, fmt.Errorf("encode key: %w", err)
	}
	if err := os.WriteFile(certFile, c.PEM(), 0o644); err != nil {
		return Pair{}, fmt.Errorf("write certificate: %w", err)
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		return Pair{}, fmt.Errorf("write key: %w", err)
	}
	tc, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		return Pair{}, fmt.Errorf("load back %s: %w", certFile, err)
	}
	tc.Leaf = c.Cert
	return Pair{CertFile: certFile, KeyFile: keyFile, Cert: c.Cert, TLS: tc}, nil
}
