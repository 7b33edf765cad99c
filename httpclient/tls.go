package httpclient

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"os"
)

// tlsConfig builds the client's TLS settings: TLS 1.2 at least,
// verification on unless s.InsecureSkipVerify, extra roots from s.CAFile,
// and the client pair. Errors name the file that failed, never its content.
func tlsConfig(s Settings) (*tls.Config, error) {
	conf := &tls.Config{
		MinVersion:         tls.VersionTLS12,
		InsecureSkipVerify: s.InsecureSkipVerify,
	}
	if s.CAFile != "" {
		pool, err := rootsWith(s.CAFile)
		if err != nil {
			return nil, err
		}
		conf.RootCAs = pool
	}
	if s.ClientCertFile != "" {
		cert, err := loadPair(s.ClientCertFile, s.ClientKeyFile)
		if err != nil {
			return nil, err
		}
		// Offer the certificate whenever the server asks, even if its list
		// of acceptable authorities does not name ours: some proxies send
		// an empty or partial list and still expect the certificate.
		conf.GetClientCertificate = func(*tls.CertificateRequestInfo) (*tls.Certificate, error) {
			return &cert, nil
		}
	}
	return conf, nil
}

// rootsWith returns the system roots plus the certificates of caFile.
func rootsWith(caFile string) (*x509.CertPool, error) {
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return nil, fmt.Errorf("httpclient: read CA file: %w", err)
	}
	pool, err := x509.SystemCertPool()
	if err != nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("httpclient: CA file %q holds no PEM certificate", caFile)
	}
	return pool, nil
}

// loadPair reads and parses a client certificate and its key. The parse
// error of crypto/tls is not wrapped: the files are named instead, so no
// part of a key can ever reach a log through this error.
func loadPair(certFile, keyFile string) (tls.Certificate, error) {
	certPEM, err := os.ReadFile(certFile)
	if err != nil {
		return tls.Certificate{}, fmt.Errorf("httpclient: read client certificate: %w", err)
	}
	keyPEM, err := os.ReadFile(keyFile)
	if err != nil {
		return tls.Certificate{}, fmt.Errorf("httpclient: read client key: %w", err)
	}
	cert, err := tls.X509KeyPair(certPEM, keyPEM)
	if err != nil {
		return tls.Certificate{}, fmt.Errorf("httpclient: client certificate %q and key %q do not form a valid PEM pair", certFile, keyFile)
	}
	return cert, nil
}
