package testpki

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net"
	"path/filepath"
	"time"
)

// WrongHostName is the only name the WrongHost certificate is valid for.
const WrongHostName = "wrong-host.invalid"

// Pair is one certificate with its private key, on disk and in memory.
type Pair struct {
	// CertFile and KeyFile are the PEM files (certificate; PKCS#8 key).
	CertFile string
	KeyFile  string
	// Cert is the parsed certificate.
	Cert *x509.Certificate
	// TLS is the certificate and key ready for a tls.Config.
	TLS tls.Certificate
}

// PKI is a full set of test certificates under Dir.
type PKI struct {
	Dir string
	// CA signs Server, Expired and WrongHost.
	CA Pair
	// Server is valid now for 127.0.0.1, ::1 and localhost.
	Server Pair
	// Expired is valid for the same names but expired a day ago.
	Expired Pair
	// WrongHost is valid now, but only for WrongHostName.
	WrongHost Pair
	// OtherCA is a second CA that nobody trusts.
	OtherCA Pair
	// Untrusted is a server certificate for 127.0.0.1 and localhost signed
	// by OtherCA.
	Untrusted Pair
	// ClientCA signs Client.
	ClientCA Pair
	// Client is a client-authentication certificate for mutual TLS.
	Client Pair
}

// loopbackIPs are the addresses a good server certificate covers.
var loopbackIPs = []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback}

// Generate creates every certificate and writes them into dir, which must
// exist (a t.TempDir() is the usual choice).
func Generate(dir string) (*PKI, error) {
	now := time.Now()
	p := &PKI{Dir: dir}
	caSpec := func(cn string) Spec {
		return Spec{CommonName: cn, NotBefore: now.Add(-7 * 24 * time.Hour), NotAfter: now.Add(7 * 24 * time.Hour), Usage: UsageCA}
	}
	serverSpec := func(from, to time.Time) Spec {
		return Spec{CommonName: "localhost", DNSNames: []string{"localhost"}, IPAddresses: loopbackIPs, NotBefore: from, NotAfter: to, Usage: UsageServer}
	}
	hour, day := time.Hour, 24*time.Hour
	steps := []struct {
		out  *Pair
		file string
		spec Spec
		by   *Pair
	}{
		{&p.CA, "ca", caSpec("LEE test CA"), nil},
		{&p.Server, "server", serverSpec(now.Add(-hour), now.Add(day)), &p.CA},
		{&p.Expired, "expired", serverSpec(now.Add(-3*day), now.Add(-day)), &p.CA},
		{&p.WrongHost, "wrong-host", Spec{CommonName: WrongHostName, DNSNames: []string{WrongHostName}, NotBefore: now.Add(-hour), NotAfter: now.Add(day), Usage: UsageServer}, &p.CA},
		{&p.OtherCA, "other-ca", caSpec("Unrelated test CA"), nil},
		{&p.Untrusted, "untrusted", serverSpec(now.Add(-hour), now.Add(day)), &p.OtherCA},
		{&p.ClientCA, "client-ca", caSpec("LEE test client CA"), nil},
		{&p.Client, "client", Spec{CommonName: "lee-client", NotBefore: now.Add(-hour), NotAfter: now.Add(day), Usage: UsageClient}, &p.ClientCA},
	}
	issuers := map[*Pair]*Issued{}
	for _, s := range steps {
		s.spec.Organization = "LEE tests"
		c, err := Issue(s.spec, issuers[s.by])
		if err != nil {
			return nil, fmt.Errorf("generate test PKI %s: %w", s.file, err)
		}
		pair, err := writePair(c, filepath.Join(dir, s.file+".pem"), filepath.Join(dir, s.file+"-key.pem"))
		if err != nil {
			return nil, fmt.Errorf("generate test PKI %s: %w", s.file, err)
		}
		*s.out = pair
		issuers[s.out] = c
	}
	return p, nil
}

// CAPool returns a pool trusting only CA.
func (p *PKI) CAPool() *x509.CertPool {
	pool := x509.NewCertPool()
	pool.AddCert(p.CA.Cert)
	return pool
}

// ClientCAPool returns a pool trusting only ClientCA.
func (p *PKI) ClientCAPool() *x509.CertPool {
	pool := x509.NewCertPool()
	pool.AddCert(p.ClientCA.Cert)
	return pool
}

// ServerConfig serves pair (Server, Expired, WrongHost or Untrusted) with
// Go's default versions.
func (p *PKI) ServerConfig(pair Pair) *tls.Config {
	return &tls.Config{Certificates: []tls.Certificate{pair.TLS}}
}

// MutualTLSServerConfig serves Server and requires a client certificate
// signed by ClientCA.
func (p *PKI) MutualTLSServerConfig() *tls.Config {
	return &tls.Config{
		Certificates: []tls.Certificate{p.Server.TLS},
		ClientAuth:   tls.RequireAndVerifyClientCert,
		ClientCAs:    p.ClientCAPool(),
	}
}

// TLS11ServerConfig serves Server but speaks at most TLS 1.1, like an old
// reverse proxy a careful client must refuse.
func (p *PKI) TLS11ServerConfig() *tls.Config {
	return &tls.Config{
		Certificates: []tls.Certificate{p.Server.TLS},
		MinVersion:   tls.VersionTLS10,
		MaxVersion:   tls.VersionTLS11,
	}
}

// ClientConfig trusts CA and, with clientCert, presents Client.
func (p *PKI) ClientConfig(clientCert bool) *tls.Config {
	cfg := &tls.Config{RootCAs: p.CAPool()}
	if clientCert {
		cfg.Certificates = []tls.Certificate{p.Client.TLS}
	}
	return cfg
}
