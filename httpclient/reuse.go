package httpclient

// A client calls one server, at one URL, with one user's token, over and
// over: a Lambda relays every directive of its skill to the same Home
// Assistant. So the per-request values that cost allocations — the
// Authorization header value and the redacted URL a Response carries — are
// built once and reused while they stay the same. They live only in the
// Client, whose printed forms never show them.

// bearerValue is an Authorization header value and the token it holds.
type bearerValue struct {
	token string
	value []string
}

// authorization returns the Authorization header value for token, reusing
// the last one built when the token is the same. The value is shared by
// the requests that use it and never modified.
func (c *Client) authorization(token string) []string {
	if b := c.lastBearer.Load(); b != nil && b.token == token {
		return b.value
	}
	b := &bearerValue{token: token, value: []string{"Bearer " + token}}
	c.lastBearer.Store(b)
	return b.value
}

// redaction is a URL and its redacted form.
type redaction struct {
	raw, redacted string
}

// redact returns redactURL(raw), reusing the last result when raw is the
// same URL.
func (c *Client) redact(raw string) string {
	if r := c.lastURL.Load(); r != nil && r.raw == raw {
		return r.redacted
	}
	r := &redaction{raw: raw, redacted: redactURL(raw)}
	c.lastURL.Store(r)
	return r.redacted
}
