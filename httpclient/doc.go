// Package httpclient is how LEE talks to Home Assistant: one kept-alive
// http.Client per configuration, a request call whose time budget is the
// caller's context, a retry rule that can never apply a directive twice,
// and errors classified into the few kinds the relay turns into Alexa
// answers (refused, DNS, TLS, timeout, reset, too large, status).
//
// Client.Do sends a Request and reads the whole body, up to
// Settings.MaxBodyBytes (Lambda's 6 MiB response limit by default). Any
// HTTP status is a Response; StatusError turns a non-2xx one into an error
// when the caller wants that. A failure is an *Error whose Kind, read with
// KindOf, says what happened; its text shows the method and the URL without
// user info or query, and never a token or header value.
//
// Do retries once, and only when no connection could be made (connection
// refused, no route, DNS failure), with enough budget left for another dial.
// Once a connection exists the request may have reached Home Assistant, so
// a failure after that is returned as is: "brightness +25" applied twice is
// a bug.
//
// TLS is 1.2 or newer with verification on; Settings adds a CA bundle to
// the system roots, a client certificate for mTLS, or (logged, opt-in) no
// verification. A program keeps one client for its life (the gateway does)
// so warm Lambda invocations reuse its connections, and a client reuses the
// per-request values that stay the same from one request to the next (header
// values, the Authorization value, the redacted URL), so a warm request
// allocates no more than a bare http.Client.Do. The package imports only the
// standard library.
package httpclient
