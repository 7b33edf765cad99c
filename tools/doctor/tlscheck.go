package doctor

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"time"
)

// privateCAFix is the advice for a certificate no public authority signed.
const privateCAFix = "use a certificate from a public authority such as Let's Encrypt (Alexa account linking requires one), " +
	"or, for LEE alone, give your CA's PEM bundle to the function as HA_CA_FILE and to lee doctor as --ca-file"

// checkTLS handshakes with the address the TCP step reached, then verifies
// the chain itself so that it can say what is wrong with it. For http URLs
// there is nothing to check.
func (r *run) checkTLS(ctx context.Context) bool {
	if r.base.Scheme != "https" {
		return true
	}
	roots, fromFile, ok := r.loadRoots()
	if !ok {
		return false
	}
	r.roots = roots
	chain, ok := r.handshake(ctx)
	if !ok {
		return false
	}
	now := r.s.Now()
	leaf := chain[0]
	if err := r.verify(chain, roots, now); err != nil {
		r.tlsFailure(err, leaf)
		return false
	}
	finding := fmt.Sprintf("certificate for %s issued by %s, valid until %s", r.host, issuerName(leaf), leaf.NotAfter.UTC().Format(time.DateOnly))
	if fromFile != nil && r.verify(chain, systemRoots(), now) != nil {
		finding += "; trusted through --ca-file only: give LEE the same bundle as HA_CA_FILE"
	}
	if left := leaf.NotAfter.Sub(now); left < r.s.ExpiryWarning {
		r.add("tls", Warn, fmt.Sprintf("%s; it expires in %d days", finding, int(left.Hours()/24)),
			"renew the certificate now and check that its automatic renewal works")
		return true
	}
	r.pass("tls", finding)
	return true
}

// loadRoots returns the system roots plus the CA file's certificates, and
// the file's own pool (nil without a file).
func (r *run) loadRoots() (roots, fromFile *x509.CertPool, ok bool) {
	roots = systemRoots()
	if r.s.CAFile == "" {
		return roots, nil, true
	}
	pem, err := os.ReadFile(r.s.CAFile)
	if err != nil {
		r.add("tls", Fail, "cannot read --ca-file: "+err.Error(), "give the path of a PEM file holding your CA's certificate")
		return nil, nil, false
	}
	fromFile = x509.NewCertPool()
	if !fromFile.AppendCertsFromPEM(pem) || !roots.AppendCertsFromPEM(pem) {
		r.add("tls", Fail, r.s.CAFile+" holds no PEM certificate", "give a PEM file (-----BEGIN CERTIFICATE-----) holding your CA's certificate")
		return nil, nil, false
	}
	return roots, fromFile, true
}

// systemRoots is a fresh copy of the system's roots, or an empty pool
// where the system has none.
func systemRoots() *x509.CertPool {
	if pool, err := x509.SystemCertPool(); err == nil && pool != nil {
		return pool
	}
	return x509.NewCertPool()
}

// handshake completes a TLS handshake without verification and returns
// the certificates the server sent.
func (r *run) handshake(ctx context.Context) ([]*x509.Certificate, bool) {
	ctx, cancel := context.WithTimeout(ctx, r.s.Timeout)
	defer cancel()
	d := tls.Dialer{
		NetDialer: &net.Dialer{},
		Config: &tls.Config{
			ServerName:         r.host,
			InsecureSkipVerify: true, // verified below, by verify, to explain failures
			MinVersion:         tls.VersionTLS12,
			NextProtos:         []string{"http/1.1"},
		},
	}
	conn, err := d.DialContext(ctx, "tcp", r.addr)
	if err != nil {
		r.handshakeFailure(err)
		return nil, false
	}
	defer conn.Close()
	chain := conn.(*tls.Conn).ConnectionState().PeerCertificates
	if len(chain) == 0 {
		r.add("tls", Fail, "the server sent no certificate", "configure a certificate on Home Assistant or its proxy")
		return nil, false
	}
	return chain, true
}

func (r *run) handshakeFailure(err error) {
	var rh tls.RecordHeaderError
	switch {
	case errors.As(err, &rh):
		r.add("tls", Fail, r.addr+" answers plain HTTP, not TLS",
			"use http:// in the URL, or enable TLS on Home Assistant (http: ssl_certificate, ssl_key) or its proxy")
	case strings.Contains(err.Error(), "protocol version"):
		r.add("tls", Fail, r.addr+" offers only TLS older than 1.2, which LEE refuses",
			"enable TLS 1.2 or 1.3 on Home Assistant or its proxy")
	default:
		r.add("tls", Fail, "the TLS handshake with "+r.addr+" failed: "+err.Error(),
			"check the TLS set-up of Home Assistant or the proxy in front of it")
	}
}

// verify checks the chain as Go's TLS client would, at time now.
func (r *run) verify(chain []*x509.Certificate, roots *x509.CertPool, now time.Time) error {
	inter := x509.NewCertPool()
	for _, c := range chain[1:] {
		inter.AddCert(c)
	}
	_, err := chain[0].Verify(x509.VerifyOptions{
		DNSName:       r.host,
		Roots:         roots,
		Intermediates: inter,
		CurrentTime:   now,
		KeyUsages:     []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	})
	return err
}

func (r *run) tlsFailure(err error, leaf *x509.Certificate) {
	var host x509.HostnameError
	var invalid x509.CertificateInvalidError
	var unknown x509.UnknownAuthorityError
	switch {
	case errors.As(err, &host):
		r.add("tls", Fail, fmt.Sprintf("the certificate is for %s, not %s", certNames(leaf), r.host),
			"get a certificate that covers "+r.host+", or use in the URL the name the certificate was issued for")
	case errors.As(err, &invalid) && invalid.Reason == x509.Expired && r.s.Now().Before(invalid.Cert.NotBefore):
		r.add("tls", Fail, "the certificate is not valid before "+invalid.Cert.NotBefore.UTC().Format(time.RFC3339),
			"check the clock of this machine and of the server that issued the certificate")
	case errors.As(err, &invalid) && invalid.Reason == x509.Expired:
		r.add("tls", Fail, "the certificate expired on "+invalid.Cert.NotAfter.UTC().Format(time.DateOnly),
			"renew the certificate, and check that its automatic renewal works")
	case errors.As(err, &unknown):
		fix := privateCAFix
		if r.s.CAFile != "" {
			fix = "the --ca-file does not hold the CA that signed this certificate; " + privateCAFix
		}
		r.add("tls", Fail, "the certificate is signed by "+issuerName(leaf)+", which is not a trusted authority (self-signed or a private CA)", fix)
	default:
		r.add("tls", Fail, "the certificate is not valid: "+err.Error(), privateCAFix)
	}
}

func issuerName(c *x509.Certificate) string {
	if c.Issuer.CommonName != "" {
		return quoteRemote(c.Issuer.CommonName, 80)
	}
	return quoteRemote(c.Issuer.String(), 80)
}

func certNames(c *x509.Certificate) string {
	names := append([]string{}, c.DNSNames...)
	for _, ip := range c.IPAddresses {
		names = append(names, ip.String())
	}
	if len(names) == 0 {
		names = append(names, c.Subject.CommonName)
	}
	return quoteRemote(strings.Join(names, ", "), 200)
}
