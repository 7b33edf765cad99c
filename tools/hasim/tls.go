package hasim

import (
	"crypto/tls"
	"fmt"
	"net"
	"time"

	"github.com/lee-engine/lee/tools/testpki"
)

// selfSignedValidity is how long a generated certificate is valid: long
// enough for a manual session with lee ha-sim, short enough to be useless
// if it leaks.
const selfSignedValidity = 7 * 24 * time.Hour

// selfSigned creates a throwaway CA and a server certificate signed by it
// for 127.0.0.1, ::1 and localhost. It returns the server's TLS
// configuration and the CA certificate in PEM form.
func selfSigned(now time.Time) (*tls.Config, []byte, error) {
	from, to := now.Add(-time.Hour), now.Add(selfSignedValidity)
	ca, err := testpki.Issue(testpki.Spec{
		CommonName: "LEE Home Assistant simulator CA",
		NotBefore:  from,
		NotAfter:   to,
		Usage:      testpki.UsageCA,
	}, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("self-signed TLS: CA: %w", err)
	}
	server, err := testpki.Issue(testpki.Spec{
		CommonName:  "localhost",
		DNSNames:    []string{"localhost"},
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
		NotBefore:   from,
		NotAfter:    to,
		Usage:       testpki.UsageServer,
	}, ca)
	if err != nil {
		return nil, nil, fmt.Errorf("self-signed TLS: server: %w", err)
	}
	cfg := &tls.Config{
		MinVersion:   tls.VersionTLS12,
		Certificates: []tls.Certificate{server.TLS(ca)},
	}
	return cfg, ca.PEM(), nil
}
