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
// The budget is ctx: its deadline bounds everything, and without one only
// the dial and TLS handshake are bounded. Every HTTP status comes back as a
// *Response with a nil error (see StatusError). Failures are *Error values
// whose Kind says what happened.
//
// Do retries once, and only when no connection could be made (KindRefused
// or KindDNS) — then the request cannot have reached the server. It never
// retries once a connection was obtained, because a POST that the server
// may have applied must not be applied twice. The retry also needs budget:
// more than a quarter of DialTimeout must remain before ctx's deadline (so
// 500 ms with the default 2 s), otherwise the first error is returned.
// Redirects are not followed; a 3xx is returned like any other status.
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
		if attempt == 1 && !res.connected && (kind == KindRefused || kind == KindDNS) && c.canRedial(ctx) {
			c.log().Warn("httpclient: no connection, retrying once",
				"method", method, "url", redactURL(r.URL), "kind", kind.String())
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

// attemptResult is what a failed attempt tells Do.
type attemptResult struct {
	err error
	// connected is set once the transport had a connection for the
	// request: from then on the request may have been written.
	connected bool
	// status is the response status if the head arrived before the failure.
	status int
}

// connTrace records whether the transport obtained a connection for one
// attempt. The flag and the trace share one allocation.
type connTrace struct {
	httptrace.ClientTrace
	connected atomic.Bool
}

// attempt sends r once.
func (c *Client) attempt(ctx context.Context, method string, r Request) (*Response, attemptResult) {
	trace := new(connTrace)
	trace.GotConn = func(httptrace.GotConnInfo) { trace.connected.Store(true) }
	req, err := c.newRequest(httptrace.WithClientTrace(ctx, &trace.ClientTrace), method, r)
	if err != nil {
		return nil, attemptResult{err: err}
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, attemptResult{err: err, connected: trace.connected.Load()}
	}
	defer resp.Body.Close()
	body, err := readBody(resp.Body, resp.ContentLength, c.maxBody)
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

// readBody reads at most limit bytes of body. A declared length over the
// limit fails before reading; otherwise one byte past the limit proves the
// body too large. A known length sizes the buffer once, one byte over so
// that the read which meets the end of the body fits in it: the body is
// then read in one allocation, which matters for a Discovery answer of
// several MB, and seen to its end, which lets the transport reuse the
// connection.
func readBody(body io.Reader, declared, limit int64) ([]byte, error) {
	if declared > limit {
		return nil, fmt.Errorf("%w: declared %d bytes, limit %d", errTooLarge, declared, limit)
	}
	size := int64(512)
	if declared >= 0 {
		size = min(declared, maxPresize) + 1
	}
	buf := make([]byte, 0, size)
	for {
		if len(buf) == cap(buf) {
			// Doubling keeps the discarded buffers to one body's worth.
			buf = append(make([]byte, 0, 2*cap(buf)), buf...)
		}
		room := buf[len(buf):cap(buf)]
		if left := limit - int64(len(buf)); int64(len(room)) > left {
			room = room[:left+1] // one byte past the limit proves it exceeded
		}
		n, err := body.Read(room)
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return nil, fmt.Errorf("%w: more than %d bytes", errTooLarge, limit)
		}
		switch {
		case err == io.EOF:
			return buf, nil
		case err != nil:
			return nil, fmt.Errorf("read body: %w", err)
		}
	}
}
