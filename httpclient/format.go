package httpclient

import (
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// The String, GoString and LogValue methods below exist so that printing a
// Settings, Request or Client — with %v, %+v or %#v, or through any slog
// handler — shows header names but never a token or header value.

// String describes s with header values masked.
func (s Settings) String() string {
	h := make(http.Header, len(s.Headers))
	for name, value := range s.Headers {
		h[name] = []string{value}
	}
	var b strings.Builder
	b.WriteString("httpclient.Settings{CAFile:")
	b.WriteString(strconv.Quote(s.CAFile))
	b.WriteString(" ClientCertFile:")
	b.WriteString(strconv.Quote(s.ClientCertFile))
	b.WriteString(" ClientKeyFile:")
	b.WriteString(strconv.Quote(s.ClientKeyFile))
	b.WriteString(" TLSFiles:")
	b.WriteString(s.TLSFiles.String())
	b.WriteString(" InsecureSkipVerify:")
	b.WriteString(strconv.FormatBool(s.InsecureSkipVerify))
	b.WriteString(" Headers:")
	b.WriteString(headerNames(h))
	b.WriteString(" UserAgent:")
	b.WriteString(strconv.Quote(s.UserAgent))
	b.WriteString(" MaxBodyBytes:")
	b.WriteString(strconv.FormatInt(s.MaxBodyBytes, 10))
	b.WriteString(" DialTimeout:")
	b.WriteString(s.DialTimeout.String())
	b.WriteString(" IdleTimeout:")
	b.WriteString(s.IdleTimeout.String())
	b.WriteString(" DNSServer:")
	b.WriteString(strconv.Quote(s.DNSServer))
	b.WriteByte('}')
	return b.String()
}

// GoString is String, so that %#v masks secrets too.
func (s Settings) GoString() string { return s.String() }

// LogValue is String, so that slog handlers (JSON ones included) mask
// secrets too.
func (s Settings) LogValue() slog.Value { return slog.StringValue(s.String()) }

// String describes r with its URL redacted, its token and header values
// masked, and only the size of its body.
func (r Request) String() string {
	token := "none"
	if r.BearerToken != "" {
		token = "set"
	}
	return "httpclient.Request{" + r.Method + " " + redactURL(r.URL) +
		" body:" + strconv.Itoa(len(r.Body)) + "B token:" + token +
		" headers:" + headerNames(r.Header) + "}"
}

// GoString is String, so that %#v masks secrets too.
func (r Request) GoString() string { return r.String() }

// LogValue is String, so that slog handlers (JSON ones included) mask
// secrets too.
func (r Request) LogValue() slog.Value { return slog.StringValue(r.String()) }

// String describes the client by its user agent and extra header names.
func (c *Client) String() string {
	return "httpclient.Client{UserAgent:" + strconv.Quote(c.userAgent) + " Headers:" + headerNames(c.headers) + "}"
}

// GoString is String, so that %#v masks secrets too.
func (c *Client) GoString() string { return c.String() }

// LogValue is String, so that slog handlers (JSON ones included) mask
// secrets too.
func (c *Client) LogValue() slog.Value { return slog.StringValue(c.String()) }

// headerNames lists the sorted canonical names of h.
func headerNames(h http.Header) string {
	names := make([]string, 0, len(h))
	for name := range h {
		names = append(names, http.CanonicalHeaderKey(name))
	}
	slices.Sort(names)
	return "[" + strings.Join(names, " ") + "]"
}
