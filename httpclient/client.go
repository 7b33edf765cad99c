package httpclient

import (
	"log/slog"
	"net/http"
	"sync/atomic"
	"time"
)

// tlsHandshakeTimeout bounds a handshake when the caller set no deadline.
const tlsHandshakeTimeout = 10 * time.Second

// Client sends requests to one kind of server (Home Assistant) over kept-
// alive connections. It is safe for concurrent use; make one per
// configuration (Shared does that for you) and keep it for the life of the
// process, so that warm Lambda invocations reuse its connections.
type Client struct {
	hc        *http.Client
	transport *http.Transport
	headers   http.Header
	userAgent string
	maxBody   int64
	// userAgentValue is the User-Agent header value every request shares.
	userAgentValue []string
	// lastBearer and lastURL keep the last Authorization value and
	// redacted URL built (see reuse.go).
	lastBearer  atomic.Pointer[bearerValue]
	lastURL     atomic.Pointer[redaction]
	dialTimeout time.Duration
	idleTimeout time.Duration
	logger      *slog.Logger

	// born anchors lastUsed on the monotonic clock.
	born time.Time
	// lastUsed is the time since born at which the last request ended,
	// plus one so that zero means "never used".
	lastUsed atomic.Int64
	// lastWall is the wall-clock time (Unix nanoseconds) at which the last
	// request ended.
	lastWall atomic.Int64
}

// New returns a client for s. It reads CAFile and the client pair now
// (unless s.TLSFiles holds them already), so a bad file fails here, with a
// *TLSFileError that names the file and never shows its content. When s.InsecureSkipVerify is set it logs one warning.
func New(s Settings) (*Client, error) {
	s, headers, err := s.normalize()
	if err != nil {
		return nil, err
	}
	tlsConf, err := tlsConfig(s)
	if err != nil {
		return nil, err
	}
	transport := &http.Transport{
		// Environment proxies are ignored: the relay talks to Home
		// Assistant directly, and a proxy would blur what "no connection
		// could be made" means for the retry rule.
		Proxy:               nil,
		DialContext:         watchedDial(dialer(s)),
		TLSClientConfig:     tlsConf,
		TLSHandshakeTimeout: tlsHandshakeTimeout,
		MaxIdleConns:        8,
		MaxIdleConnsPerHost: 4,
		IdleConnTimeout:     s.IdleTimeout,
	}
	c := &Client{
		hc: &http.Client{
			Transport: transport,
			// A redirect is returned, not followed: following would turn
			// the relay's POST into a GET and send its token elsewhere.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		transport:      transport,
		headers:        headers,
		userAgent:      s.UserAgent,
		userAgentValue: []string{s.UserAgent},
		maxBody:        s.MaxBodyBytes,
		dialTimeout:    s.DialTimeout,
		idleTimeout:    s.IdleTimeout,
		logger:         s.Logger,
		born:           time.Now(),
	}
	if s.InsecureSkipVerify {
		c.log().Warn("httpclient: TLS certificate verification is off (InsecureSkipVerify); the server's identity is not checked")
	}
	return c, nil
}

// CloseIdleConnections closes the connections kept alive for reuse. Tests
// call it before checking for leaked goroutines; a Lambda never needs to.
func (c *Client) CloseIdleConnections() {
	c.transport.CloseIdleConnections()
}

// log returns the configured logger, or the default one as it is now.
func (c *Client) log() *slog.Logger {
	if c.logger != nil {
		return c.logger
	}
	return slog.Default()
}

// dropStaleConnections closes the idle connections when the client has not
// been used for IdleTimeout. The transport's own idle timer cannot be
// trusted across a Lambda freeze: the server may have closed a connection
// the frozen process never heard about, and a POST sent on it could not be
// retried safely. The gap is measured on both clocks: the monotonic clock
// may not advance while a sandbox's virtual machine is paused, the wall
// clock does. A wall-clock gap longer than the monotonic one by more than
// pauseSlack is such a pause, however short: the connections go too.
func (c *Client) dropStaleConnections(now time.Time) {
	last := c.lastUsed.Load()
	if last == 0 {
		return
	}
	mono := now.Sub(c.born) - time.Duration(last-1)
	wall := time.Duration(now.UnixNano() - c.lastWall.Load())
	if mono > c.idleTimeout || wall > c.idleTimeout || wall-mono > pauseSlack {
		c.transport.CloseIdleConnections()
	}
}

// pauseSlack is how far the wall clock may run ahead of the monotonic
// clock over one idle gap before the gap counts as a pause. Clock
// discipline slews by well under a millisecond per second, so only a
// pause, or a step of the clock, comes near it.
const pauseSlack = 100 * time.Millisecond

// markUsed records the end of a request for dropStaleConnections.
func (c *Client) markUsed() {
	now := time.Now()
	c.lastWall.Store(now.UnixNano())
	c.lastUsed.Store(int64(now.Sub(c.born)) + 1)
}
