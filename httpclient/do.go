package httpclient

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"sync/atomic"
	"time"
)

// Do sends r and reads the whole response.
//
// The budget is ctx: its deadline bounds everything, the body read
// included, and without one only the dial and TLS handshake are bounded.
// Every HTTP status comes back as a *Response with a nil error (see
// StatusError); a final 1xx status (101 Switching Protocols) comes back at
// once with no body and its connection closed. Failures are *Error values
// whose Kind says what happened.
//
// Do retries once, and only when the request provably never left: no
// connection could be made (KindRefused or KindDNS), or a kept-alive
// connection taken from the pool turned out closed by the server before
// one byte of the request was written onto it (the retry then goes out on
// a new connection). It never retries once any byte of the request may
// have reached the server, because a POST that the server may have
// applied must not be applied twice; the transport itself can resend a
// request with a body only when nothing of it was written, whatever its
// headers (requests are built without GetBody). The retry also
// needs budget: more than a quarter of DialTimeout must remain before
// ctx's deadline (so 500 ms with the default 2 s), otherwise the first
// error is returned. Redirects are not followed; a 3xx is returned like
// any other status.
func (c *Client) Do(ctx context.Context, r Request) (*Response, error) {
	start := time.Now()
	c.dropStaleConnections(start)
	defer c.markUsed()
	method := r.Method
	if method == "" {
		method = http.MethodGet
	}
	for attempt := 1; ; attempt++ {
		resp, res := c.attempt(ctx, method, r)
		if res.err == nil {
			resp.Attempts = attempt
			resp.Duration = time.Since(start)
			resp.method, resp.url = method, c.redact(r.URL)
			return resp, nil
		}
		kind := classify(ctx, res.err)
		if attempt == 1 && c.mayResend(ctx, method, r.URL, res, kind) {
			continue
		}
		return nil, &Error{
			Kind:     kind,
			Op:       method,
			URL:      redactURL(r.URL),
			Status:   res.status,
			Attempts: attempt,
			Err:      scrub(unwrapURLError(res.err), c.secrets(r)),
		}
	}
}

// mayResend decides, and logs, whether a failed first attempt is sent
// again: only when nothing of it can have reached the server, and the
// budget still allows a new connection.
func (c *Client) mayResend(ctx context.Context, method, rawURL string, res attemptResult, kind Kind) bool {
	if !c.canRedial(ctx) {
		return false
	}
	switch {
	case !res.connected && (kind == KindRefused || kind == KindDNS):
		c.log().WarnContext(ctx, "httpclient: no connection, retrying once",
			"method", method, "url", redactURL(rawURL), "kind", kind.String())
		return true
	case res.unsentOnKept:
		// The other kept connections have sat as long as this one: after
		// a freeze they are as likely to be closed. The retry dials anew.
		c.transport.CloseIdleConnections()
		c.log().DebugContext(ctx, "httpclient: kept-alive connection found closed by the server before the request was written; sending it on a new connection",
			"method", method, "url", redactURL(rawURL))
		return true
	}
	return false
}

// attemptResult is what a failed attempt tells Do.
type attemptResult struct {
	err error
	// connected is set once the transport had a connection for the
	// request: from then on the request may have been written.
	connected bool
	// unsentOnKept is set when the request's connection came from the
	// pool and not one byte of the request was written onto it.
	unsentOnKept bool
	// status is the response status if the head arrived before the failure.
	status int
}

// connTrace follows the connection the transport uses for one attempt.
// The fields and the trace share one allocation.
type connTrace struct {
	httptrace.ClientTrace
	connected atomic.Bool
	// conn is the connection of the attempt's last try, kept whether it
	// came from the pool, and written what conn had written before the
	// request.
	conn    atomic.Pointer[watchedConn]
	kept    atomic.Bool
	written atomic.Int64
}

// gotConn records the connection the transport chose. A kept one is armed
// first, so that it is checked before the request's first byte, and its
// byte count is read after, so that a write racing with the arming counts
// against a resend.
func (tr *connTrace) gotConn(info httptrace.GotConnInfo) {
	tr.connected.Store(true)
	w := watchedOf(info.Conn)
	kept := info.Reused || info.WasIdle
	if w != nil && kept {
		w.armed.Store(true)
	}
	tr.kept.Store(kept)
	if w != nil {
		tr.written.Store(w.written.Load())
	}
	tr.conn.Store(w)
}

// unsentOnKept reports whether the attempt ended with a connection from
// the pool onto which nothing of the request was written. Read it only
// once the transport is done with the request: RoundTrip returns a
// failure only after its writer has stopped.
func (tr *connTrace) unsentOnKept() bool {
	w := tr.conn.Load()
	return w != nil && tr.kept.Load() && w.written.Load() == tr.written.Load()
}

// attempt sends r once.
func (c *Client) attempt(ctx context.Context, method string, r Request) (*Response, attemptResult) {
	trace := new(connTrace)
	trace.GotConn = trace.gotConn
	req, err := c.newRequest(httptrace.WithClientTrace(ctx, &trace.ClientTrace), method, r)
	if err != nil {
		return nil, attemptResult{err: err}
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, attemptResult{err: err, connected: trace.connected.Load(), unsentOnKept: trace.unsentOnKept()}
	}
	defer resp.Body.Close()
	if resp.StatusCode < http.StatusOK {
		// A final 1xx is 101 Switching Protocols: the body is the raw
		// connection, handed over for another protocol, which no
		// deadline bounds any more. Closing it is the whole answer.
		return &Response{StatusCode: resp.StatusCode, Header: resp.Header}, attemptResult{}
	}
	body, err := readBody(ctx, resp.Body, resp.ContentLength, c.maxBody)
	if err != nil {
		return nil, attemptResult{err: err, connected: true, status: resp.StatusCode}
	}
	return &Response{StatusCode: resp.StatusCode, Header: resp.Header, Body: body}, attemptResult{}
}

// jsonContentType is the Content-Type of a request with a body. Header
// values are shared between requests, never modified: net/http only reads
// them, and copies them when it needs its own.
var jsonContentType = []string{"application/json"}

// newRequest builds the HTTP request with its headers, from the least to
// the most specific: defaults, Settings.Headers, r.Header, the token.
func (c *Client) newRequest(ctx context.Context, method string, r Request) (*http.Request, error) {
	var body io.Reader
	if len(r.Body) > 0 {
		body = bytes.NewReader(r.Body)
	}
	req, err := http.NewRequestWithContext(ctx, method, r.URL, body)
	if err != nil {
		return nil, fmt.Errorf("build request: %w", err)
	}
	// Without GetBody the transport cannot resend the body on its own: an
	// Idempotency-Key header would otherwise make it replay a POST that
	// the server may have applied. Do alone decides what is sent again.
	req.GetBody = nil
	req.Header["User-Agent"] = c.userAgentValue
	if len(r.Body) > 0 {
		req.Header["Content-Type"] = jsonContentType
	}
	for name, values := range c.headers {
		req.Header[name] = values
	}
	for name, values := range r.Header {
		req.Header[http.CanonicalHeaderKey(name)] = values
	}
	if r.BearerToken != "" {
		req.Header["Authorization"] = c.authorization(r.BearerToken)
	}
	if host := req.Header.Get("Host"); host != "" {
		req.Host = host
		req.Header.Del("Host")
	}
	return req, nil
}

// canRedial reports whether the budget left in ctx still allows a useful
// second dial.
func (c *Client) canRedial(ctx context.Context) bool {
	if ctx.Err() != nil {
		return false
	}
	deadline, ok := ctx.Deadline()
	return !ok || time.Until(deadline) > c.dialTimeout/4
}

// secrets lists the values an error text must never show: the token and
// every extra header value except Host, which names the server and appears
// in resolver errors.
func (c *Client) secrets(r Request) []string {
	list := []string{r.BearerToken}
	for _, h := range [2]http.Header{c.headers, r.Header} {
		for name, values := range h {
			if http.CanonicalHeaderKey(name) != "Host" {
				list = append(list, values...)
			}
		}
	}
	return list
}

// maxPresize caps the buffer sized up front from a declared length, so a
// large MaxBodyBytes cannot make a lying server reserve that much memory.
const maxPresize = 16 << 20

// joinAbove is the buffer size from which a body of unknown length stops
// being copied into a buffer twice as large whenever it fills: from there
// each full buffer is kept as it is, the next one is twice as large, and
// they are joined once at the end. Copying at every doubling made a 6 MB
// answer allocate 16 MB and copy 8 MB, and the answer kept an 8 MB
// buffer; below this size the copies are cheap and one buffer needs no
// join.
const joinAbove = 64 << 10

// readBody reads at most limit bytes of body, within ctx: when ctx ends
// the body is closed, which ends a read nothing else would interrupt. A
// declared length over the limit fails before reading; otherwise one byte
// past the limit proves the body too large. A known length sizes the
// buffer once, one byte over so that the read which meets the end of the
// body fits in it: the body is then read in one allocation, which matters
// for a Discovery answer of several MB, and seen to its end, which lets
// the transport reuse the connection. An unknown length (a chunked or
// compressed answer) grows the buffer as bodyBuffer says.
func readBody(ctx context.Context, body io.ReadCloser, declared, limit int64) ([]byte, error) {
	if ctx.Done() != nil { // a context that can never end needs no watch
		stop := context.AfterFunc(ctx, func() { _ = body.Close() })
		defer stop()
	}
	if declared > limit {
		return nil, fmt.Errorf("%w: declared %d bytes, limit %d", errTooLarge, declared, limit)
	}
	size := int64(512)
	if declared >= 0 {
		size = min(declared, maxPresize) + 1
	}
	b := bodyBuffer{buf: make([]byte, 0, size)}
	for {
		if len(b.buf) == cap(b.buf) {
			b.grow(limit)
		}
		room := b.buf[len(b.buf):cap(b.buf)]
		if left := limit - b.len(); int64(len(room)) > left {
			room = room[:left+1] // one byte past the limit proves it exceeded
		}
		n, err := body.Read(room)
		b.buf = b.buf[:len(b.buf)+n]
		if b.len() > limit {
			return nil, fmt.Errorf("%w: more than %d bytes", errTooLarge, limit)
		}
		switch {
		case err == io.EOF:
			return b.bytes(), nil
		case err != nil:
			return nil, fmt.Errorf("read body: %w", err)
		}
	}
}

// bodyBuffer holds a body being read: one buffer, and once that has
// reached joinAbove, the full buffers before it.
type bodyBuffer struct {
	full [][]byte // full buffers, in the body's order
	done int64    // bytes in full
	buf  []byte   // the buffer being filled
}

// len is the number of bytes read so far.
func (b *bodyBuffer) len() int64 { return b.done + int64(len(b.buf)) }

// grow makes room once buf is full: a copy twice as large while it is
// smaller than joinAbove, else a new buffer twice as large, but never
// more than one byte past limit.
func (b *bodyBuffer) grow(limit int64) {
	if cap(b.buf) < joinAbove {
		b.buf = append(make([]byte, 0, 2*cap(b.buf)), b.buf...)
		return
	}
	b.full = append(b.full, b.buf)
	b.done += int64(len(b.buf))
	size := 2 * int64(cap(b.buf))
	if left := limit - b.done; size > left {
		size = left + 1 // small here, so it cannot overflow
	}
	b.buf = make([]byte, 0, size)
}

// bytes is the body in one slice of exactly its length once buffers were
// set aside; bytes.Join allocates it without clearing it first.
func (b *bodyBuffer) bytes() []byte {
	if len(b.full) == 0 {
		return b.buf
	}
	return bytes.Join(append(b.full, b.buf), nil)
}
