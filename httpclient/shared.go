package httpclient

import (
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// sharedKey identifies a configuration. Settings itself cannot be a map
// key (it holds a map), so its normalized fields are copied here with the
// headers encoded unambiguously.
type sharedKey struct {
	caFile, certFile, keyFile string
	tlsFiles                  *TLSFiles
	insecure                  bool
	headers                   string
	userAgent                 string
	maxBody                   int64
	dialTimeout, idleTimeout  time.Duration
	dnsServer                 string
	logger                    *slog.Logger
}

var shared struct {
	mu      sync.Mutex
	clients map[sharedKey]*Client
}

// Shared returns the process-wide client for s, creating it on first use,
// so every caller with the same configuration shares one connection pool.
// Settings that differ only by defaults (0 versus the default value, header
// name case) share a client. A failed creation is not remembered: the
// next call tries again. Files are read once, at creation; a changed file
// is not seen by an existing client.
func Shared(s Settings) (*Client, error) {
	n, headers, err := s.normalize()
	if err != nil {
		return nil, err
	}
	key := keyOf(n, headers)
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if c, ok := shared.clients[key]; ok {
		return c, nil
	}
	c, err := New(s)
	if err != nil {
		return nil, err
	}
	if shared.clients == nil {
		shared.clients = make(map[sharedKey]*Client)
	}
	shared.clients[key] = c
	return c, nil
}

// keyOf builds the key of normalized settings and their canonical headers.
func keyOf(s Settings, headers http.Header) sharedKey {
	return sharedKey{
		caFile:      s.CAFile,
		certFile:    s.ClientCertFile,
		keyFile:     s.ClientKeyFile,
		tlsFiles:    s.TLSFiles,
		insecure:    s.InsecureSkipVerify,
		headers:     encodeHeaders(headers),
		userAgent:   s.UserAgent,
		maxBody:     s.MaxBodyBytes,
		dialTimeout: s.DialTimeout,
		idleTimeout: s.IdleTimeout,
		dnsServer:   s.DNSServer,
		logger:      s.Logger,
	}
}

// encodeHeaders writes the headers sorted by canonical name, each part
// length-prefixed, so two different header sets never encode alike.
func encodeHeaders(h http.Header) string {
	names := make([]string, 0, len(h))
	for name := range h {
		names = append(names, name)
	}
	slices.Sort(names)
	var b strings.Builder
	for _, name := range names {
		for _, part := range [2]string{name, h.Get(name)} {
			b.WriteString(strconv.Itoa(len(part)))
			b.WriteByte(':')
			b.WriteString(part)
		}
	}
	return b.String()
}
