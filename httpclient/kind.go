package httpclient

import "strconv"

// Kind says what went wrong with a request, in the terms a caller decides
// on: whether Home Assistant could be reached at all, whether it answered,
// whether the time budget ran out.
type Kind int

// The kinds of failure Do reports.
const (
	// KindOther is anything not listed below (a malformed URL, say).
	KindOther Kind = iota
	// KindRefused: no connection could be made (refused, or no route).
	KindRefused
	// KindDNS: the host name could not be resolved.
	KindDNS
	// KindTLS: the TLS handshake failed (unknown authority, expired or
	// wrong-host certificate, protocol version, rejected client certificate).
	KindTLS
	// KindTimeout: the budget (the context's deadline) or a dial timeout ran out.
	KindTimeout
	// KindReset: the connection broke after it was made (reset, or closed
	// before the whole response arrived).
	KindReset
	// KindTooLarge: the response body exceeds Settings.MaxBodyBytes.
	KindTooLarge
	// KindStatus: the server answered with a non-2xx status (StatusError).
	KindStatus
	// KindCanceled: the caller canceled the context.
	KindCanceled
)

var kindNames = [...]string{
	KindOther:    "other",
	KindRefused:  "refused",
	KindDNS:      "dns",
	KindTLS:      "tls",
	KindTimeout:  "timeout",
	KindReset:    "reset",
	KindTooLarge: "too large",
	KindStatus:   "status",
	KindCanceled: "canceled",
}

// String returns the kind as lower-case words, for logs and metrics.
func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind " + strconv.Itoa(int(k))
}
