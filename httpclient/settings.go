package httpclient

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// Defaults used when a Settings field is left at its zero value.
const (
	// DefaultMaxBodyBytes is Lambda's limit on a synchronous response
	// (6 MiB): a bigger Home Assistant answer could not be relayed anyway.
	DefaultMaxBodyBytes int64 = 6 << 20
	// DefaultDialTimeout bounds name resolution plus TCP connect.
	DefaultDialTimeout = 2 * time.Second
	// DefaultIdleTimeout is shorter than the shortest keep-alive timeout
	// common in front of Home Assistant (5 s: Node, Apache httpd and many
	// proxies; aiohttp itself keeps 75 s), so a kept connection is dropped
	// before the server drops it.
	DefaultIdleTimeout = 4 * time.Second
)

// Settings configures a Client. The zero value is usable: every field has a
// documented default.
//
// CAFile is a PEM bundle of extra certificate authorities, trusted in
// addition to the system roots (for a self-signed or private-CA Home
// Assistant). Zero value: system roots only.
//
// ClientCertFile and ClientKeyFile are a PEM certificate and its private
// key, offered whenever the server asks for a client certificate (mTLS, e.g.
// behind a reverse proxy). Both or neither must be set. Zero value: no
// client certificate.
//
// TLSFiles, when not nil, is the parsed content of the CA bundle and the
// client pair (from ReadTLSFiles), used instead of CAFile, ClientCertFile
// and ClientKeyFile, which must then be empty: a program that checks the
// files when it starts hands on what it read rather than have New read
// them again. Zero value (nil): New reads the files named.
//
// InsecureSkipVerify turns certificate verification off. It is an explicit
// opt-in for testing: New logs one warning through Logger for each client
// made with it. Zero value: verification on.
//
// Headers are added to every request (for example a Cloudflare Access
// service token). Their values are treated as secrets: never logged, never
// in an error. A "Host" entry sets the request's Host. Zero value: none.
//
// UserAgent is the User-Agent of every request. Zero value:
// "lee-httpclient/" + Version.
//
// MaxBodyBytes is the largest response body Do accepts; a larger one fails
// with KindTooLarge. Zero value: DefaultMaxBodyBytes (6 MiB). Negative:
// rejected by New.
//
// DialTimeout bounds each connection attempt, name resolution included,
// and sets how much budget a retry needs (see Client.Do). Zero value:
// DefaultDialTimeout (2 s). Negative: rejected by New.
//
// IdleTimeout is how long a kept-alive connection may sit unused before it
// is closed. Do also drops every idle connection when the client itself has
// been idle that long by the monotonic or by the wall clock, or after a
// pause the monotonic clock did not see, which matters in Lambda: a frozen
// sandbox cannot notice that the server has closed its side. Keep it below the server's keep-alive timeout. Zero value:
// DefaultIdleTimeout (4 s). Negative: rejected by New.
//
// DNSServer is the "ip:port" of a DNS server to resolve names with, through
// Go's own resolver; /etc/hosts is still read first. Zero value: the system
// resolver.
//
// Logger receives the client's few log lines (the InsecureSkipVerify
// warning, a retry). Zero value (nil): slog.Default() at the time of logging.
type Settings struct {
	CAFile             string
	ClientCertFile     string
	ClientKeyFile      string
	TLSFiles           *TLSFiles
	InsecureSkipVerify bool
	Headers            map[string]string
	UserAgent          string
	MaxBodyBytes       int64
	DialTimeout        time.Duration
	IdleTimeout        time.Duration
	DNSServer          string
	Logger             *slog.Logger
}

// normalize checks s and fills in its defaults, so that two Settings that
// mean the same thing become equal (Shared relies on it). It returns the
// extra headers in canonical form.
func (s Settings) normalize() (Settings, http.Header, error) {
	switch {
	case s.MaxBodyBytes < 0:
		return s, nil, errors.New("httpclient: MaxBodyBytes must not be negative")
	case s.DialTimeout < 0:
		return s, nil, errors.New("httpclient: DialTimeout must not be negative")
	case s.IdleTimeout < 0:
		return s, nil, errors.New("httpclient: IdleTimeout must not be negative")
	case (s.ClientCertFile == "") != (s.ClientKeyFile == ""):
		return s, nil, errors.New("httpclient: ClientCertFile and ClientKeyFile must be set together")
	case s.TLSFiles != nil && (s.CAFile != "" || s.ClientCertFile != ""):
		return s, nil, errors.New("httpclient: TLSFiles replaces CAFile, ClientCertFile and ClientKeyFile: set one or the other")
	}
	if s.DNSServer != "" {
		host, port, err := net.SplitHostPort(s.DNSServer)
		if err != nil || port == "" || net.ParseIP(host) == nil {
			return s, nil, fmt.Errorf("httpclient: DNSServer %q is not ip:port", s.DNSServer)
		}
	}
	if s.UserAgent == "" {
		s.UserAgent = "lee-httpclient/" + Version
	}
	if s.MaxBodyBytes == 0 {
		s.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if s.DialTimeout == 0 {
		s.DialTimeout = DefaultDialTimeout
	}
	if s.IdleTimeout == 0 {
		s.IdleTimeout = DefaultIdleTimeout
	}
	h, err := canonicalHeaders(s.Headers)
	return s, h, err
}

// canonicalHeaders checks the extra headers once, at New, so that a bad
// name or value fails configuration instead of every request. Errors name
// the header, never its value.
func canonicalHeaders(in map[string]string) (http.Header, error) {
	h := make(http.Header, len(in))
	for name, value := range in {
		if !validHeaderName(name) {
			return nil, fmt.Errorf("httpclient: header name %q is not a valid HTTP token", name)
		}
		if !validHeaderValue(value) {
			return nil, fmt.Errorf("httpclient: value of header %q contains a control character", name)
		}
		key := http.CanonicalHeaderKey(name)
		if _, dup := h[key]; dup {
			return nil, fmt.Errorf("httpclient: header %q is given twice", key)
		}
		h[key] = []string{value}
	}
	return h, nil
}

// validHeaderName reports whether name is an RFC 9110 token.
func validHeaderName(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if !alnum && !isTokenSymbol(c) {
			return false
		}
	}
	return true
}

func isTokenSymbol(c byte) bool {
	switch c {
	case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~':
		return true
	}
	return false
}

// validHeaderValue rejects the control characters that would let a value
// split or end the header block; tab is allowed.
func validHeaderValue(value string) bool {
	for i := 0; i < len(value); i++ {
		if c := value[i]; c < ' ' && c != '\t' || c == 0x7f {
			return false
		}
	}
	return true
}
