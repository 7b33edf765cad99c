package httpclient

import (
	"net/http"
	"time"
)

// Request is one HTTP request to send with Client.Do.
type Request struct {
	// Method is the HTTP method; "" means GET.
	Method string
	// URL is the absolute http or https URL.
	URL string
	// Body is sent as is; when not empty, Content-Type defaults to
	// application/json.
	Body []byte
	// BearerToken, when not empty, is sent as "Authorization: Bearer
	// <token>" and overrides any Authorization header. It is a secret.
	BearerToken string
	// Header holds extra headers for this request only; they override the
	// client's Settings.Headers, User-Agent and Content-Type. Their values
	// are treated as secrets.
	Header http.Header
}

// Response is a complete HTTP response: Do has read the whole body, so
// nothing needs closing.
type Response struct {
	// StatusCode is the HTTP status; any status is a Response, not an error.
	StatusCode int
	// Header is the response's header.
	Header http.Header
	// Body is the whole (decompressed) body.
	Body []byte
	// Attempts is how many times the request was tried: 1, or 2 after a
	// connection that could not be made or a kept one found closed before
	// anything was written onto it.
	Attempts int
	// Duration is the time Do took, attempts and body included.
	Duration time.Duration

	// method and url (redacted) let StatusError describe the request.
	method, url string
}
