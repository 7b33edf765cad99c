package httpclient

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"io/fs"
	"os"
	"strconv"
	"strings"
)

// errPairHalf is a client certificate without its key, or a key without
// its certificate.
var errPairHalf = errors.New("httpclient: a client certificate and its key go together: give both files or neither")

// tlsConfig builds the client's TLS settings: TLS 1.2 at least,
// verification on unless s.InsecureSkipVerify, extra roots and the client
// pair from s.TLSFiles, or else read from s's file names.
func tlsConfig(s Settings) (*tls.Config, error) {
	conf := &tls.Config{
		MinVersion:         tls.VersionTLS12,
		InsecureSkipVerify: s.InsecureSkipVerify,
	}
	files := s.TLSFiles
	if files == nil {
		var err error
		if files, err = ReadTLSFiles(s.CAFile, s.ClientCertFile, s.ClientKeyFile); err != nil {
			return nil, err
		}
	}
	conf.RootCAs = files.roots
	if cert := files.cert; cert != nil {
		// Offer the certificate whenever the server asks, even if its list
		// of acceptable authorities does not name ours: some proxies send
		// an empty or partial list and still expect the certificate.
		conf.GetClientCertificate = func(*tls.CertificateRequestInfo) (*tls.Certificate, error) {
			return cert, nil
		}
	}
	return conf, nil
}

// TLSFiles is the parsed content of the TLS files a client can use: extra
// certificate authorities, and a client certificate with its key. Read it
// once with ReadTLSFiles and hand it to New through Settings.TLSFiles, so
// that a program can check the files when it starts and not read them
// again. It holds a private key; it has no exported field and prints as
// nothing but whether each part is set.
type TLSFiles struct {
	roots *x509.CertPool   // system roots plus the CA bundle; nil: system roots only
	cert  *tls.Certificate // nil: no client certificate
}

// String says which parts are set, never their content.
func (f *TLSFiles) String() string {
	if f == nil {
		return "httpclient.TLSFiles(nil)"
	}
	return "httpclient.TLSFiles{CA:" + strconv.FormatBool(f.roots != nil) +
		" ClientCertificate:" + strconv.FormatBool(f.cert != nil) + "}"
}

// GoString is String, so that %#v cannot print the key.
func (f *TLSFiles) GoString() string { return f.String() }

// TLSFile names one of the files ReadTLSFiles reads.
type TLSFile int

// The files ReadTLSFiles reads.
const (
	TLSCAFile TLSFile = iota + 1
	TLSClientCertFile
	TLSClientKeyFile
)

// String names the file's role, as errors show it.
func (f TLSFile) String() string {
	switch f {
	case TLSCAFile:
		return "CA file"
	case TLSClientCertFile:
		return "client certificate file"
	case TLSClientKeyFile:
		return "client key file"
	}
	return "TLSFile(" + strconv.Itoa(int(f)) + ")"
}

// TLSFileError is a TLS file that cannot be used. It names the file and
// says why, never showing any of its content.
type TLSFileError struct {
	// File is the role of the file at fault; for a certificate and key
	// that both parse but do not belong together, the key file.
	File TLSFile
	// Path is the file's name as given.
	Path string
	// Reason says what is wrong, e.g. "holds no PEM certificate".
	Reason string
	// Err is the read error, when reading failed.
	Err error
}

// Error is "httpclient: <role> <path>: <reason>".
func (e *TLSFileError) Error() string {
	return "httpclient: " + e.File.String() + " " + strconv.Quote(e.Path) + ": " + e.Reason
}

// Unwrap returns the read error, if any.
func (e *TLSFileError) Unwrap() error { return e.Err }

// ReadTLSFiles reads and parses caFile (a PEM bundle of extra certificate
// authorities, trusted with the system roots) and the client pair certFile
// and keyFile (PEM). An empty name skips that part; certFile and keyFile go
// together. A file that cannot be read, holds no PEM certificate (or key),
// or a key that does not belong to the certificate is a *TLSFileError.
func ReadTLSFiles(caFile, certFile, keyFile string) (*TLSFiles, error) {
	if (certFile == "") != (keyFile == "") {
		return nil, errPairHalf
	}
	files := &TLSFiles{}
	if caFile != "" {
		pool, err := rootsWith(caFile)
		if err != nil {
			return nil, err
		}
		files.roots = pool
	}
	if certFile != "" {
		cert, err := loadPair(certFile, keyFile)
		if err != nil {
			return nil, err
		}
		files.cert = &cert
	}
	return files, nil
}

// rootsWith returns the system roots plus the certificates of caFile.
func rootsWith(caFile string) (*x509.CertPool, error) {
	pemBytes, err := readTLSFile(TLSCAFile, caFile)
	if err != nil {
		return nil, err
	}
	pool, err := x509.SystemCertPool()
	if err != nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(pemBytes) {
		return nil, &TLSFileError{File: TLSCAFile, Path: caFile, Reason: "holds no PEM certificate"}
	}
	return pool, nil
}

// loadPair reads and parses a client certificate and its key, telling
// which of the two is at fault. The parse errors of crypto are not
// wrapped: the files are named instead, so no part of a key can ever reach
// a log through this error.
func loadPair(certFile, keyFile string) (tls.Certificate, error) {
	certPEM, err := readTLSFile(TLSClientCertFile, certFile)
	if err != nil {
		return tls.Certificate{}, err
	}
	keyPEM, err := readTLSFile(TLSClientKeyFile, keyFile)
	if err != nil {
		return tls.Certificate{}, err
	}
	der, ok := firstPEM(certPEM, func(typ string) bool { return typ == "CERTIFICATE" })
	if !ok {
		return tls.Certificate{}, &TLSFileError{File: TLSClientCertFile, Path: certFile, Reason: "holds no PEM certificate"}
	}
	if _, err := x509.ParseCertificate(der); err != nil {
		return tls.Certificate{}, &TLSFileError{File: TLSClientCertFile, Path: certFile, Reason: "holds a certificate that cannot be parsed"}
	}
	if _, ok := firstPEM(keyPEM, func(typ string) bool { return strings.HasSuffix(typ, "PRIVATE KEY") }); !ok {
		return tls.Certificate{}, &TLSFileError{File: TLSClientKeyFile, Path: keyFile, Reason: "holds no PEM private key"}
	}
	cert, err := tls.X509KeyPair(certPEM, keyPEM)
	if err != nil {
		return tls.Certificate{}, &TLSFileError{File: TLSClientKeyFile, Path: keyFile,
			Reason: "is not the private key of the certificate in " + strconv.Quote(certFile) + " (or cannot be parsed)"}
	}
	return cert, nil
}

// readTLSFile reads one of the TLS files.
func readTLSFile(role TLSFile, path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		why := err
		var pe *fs.PathError
		if errors.As(err, &pe) {
			why = pe.Err // the path is named once, by the TLSFileError
		}
		return nil, &TLSFileError{File: role, Path: path, Reason: "cannot be read: " + why.Error(), Err: err}
	}
	return b, nil
}

// firstPEM returns the bytes of the first PEM block in b whose type match
// accepts.
func firstPEM(b []byte, match func(typ string) bool) ([]byte, bool) {
	for {
		var block *pem.Block
		block, b = pem.Decode(b)
		if block == nil {
			return nil, false
		}
		if match(block.Type) {
			return block.Bytes, true
		}
	}
}
