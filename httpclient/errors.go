package httpclient

import (
	"errors"
	"net/url"
	"strconv"
	"strings"
)

// Error is the error Do and StatusError return. Its text holds the method,
// the URL without user info, query or fragment, the kind, the status and
// the attempt count, and never a token or header value.
type Error struct {
	// Kind classifies the failure.
	Kind Kind
	// Op is the HTTP method of the request.
	Op string
	// URL is the request URL without user info, query or fragment.
	URL string
	// Status is the HTTP status when a response head arrived, else 0.
	Status int
	// Attempts is how many times the request was tried (1 or 2).
	Attempts int
	// Err is the underlying error; nil for KindStatus.
	Err error
}

// Error describes the failure for a log line or an operator.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("httpclient: ")
	b.WriteString(e.Op)
	b.WriteByte(' ')
	b.WriteString(e.URL)
	b.WriteString(" (")
	b.WriteString(e.Kind.String())
	if e.Status != 0 {
		b.WriteString(", HTTP ")
		b.WriteString(strconv.Itoa(e.Status))
	}
	if e.Attempts > 1 {
		b.WriteString(", ")
		b.WriteString(strconv.Itoa(e.Attempts))
		b.WriteString(" attempts")
	}
	b.WriteByte(')')
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying error, so errors.Is and errors.As see
// through an *Error (to context.DeadlineExceeded, say).
func (e *Error) Unwrap() error {
	return e.Err
}

// KindOf returns the Kind of err: the Kind of the first *Error in its
// chain, or else a classification of err itself (so KindOf also reads
// context and network errors). It returns KindOther for nil.
func KindOf(err error) Kind {
	if err == nil {
		return KindOther
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return classifyErr(err)
}

// StatusError turns a non-2xx response into an *Error of KindStatus and
// returns nil for a 2xx one. Do itself never treats a status as an error,
// so the caller decides which statuses it can pass on.
func StatusError(resp *Response) error {
	if resp == nil {
		return &Error{Kind: KindOther, Op: "status", Err: errors.New("no response")}
	}
	if resp.StatusCode >= 200 && resp.StatusCode <= 299 {
		return nil
	}
	return &Error{
		Kind:     KindStatus,
		Op:       resp.method,
		URL:      resp.url,
		Status:   resp.StatusCode,
		Attempts: resp.Attempts,
	}
}

// redactURL drops what may carry credentials from a URL: user info, the
// query and the fragment.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(invalid URL)"
	}
	u.User = nil
	u.RawQuery = ""
	u.ForceQuery = false
	u.Fragment = ""
	u.RawFragment = ""
	return u.String()
}

// redactedError stands in for an error whose text contained a secret.
type redactedError struct{ msg string }

func (e redactedError) Error() string { return e.msg }

// scrub returns err unchanged unless its text contains one of secrets; then
// it returns a plain error with every secret masked, or with no text at all
// when the mask itself would spell a secret (a one-letter token, say). The
// chain is cut in both cases, because an unwrapped error would still carry
// the secret.
func scrub(err error, secrets []string) error {
	msg := err.Error()
	if !containsAny(msg, secrets) {
		return err
	}
	for _, s := range secrets {
		if s != "" {
			msg = strings.ReplaceAll(msg, s, "[redacted]")
		}
	}
	if containsAny(msg, secrets) {
		msg = "error text withheld: it contained a secret"
	}
	if containsAny(msg, secrets) {
		msg = ""
	}
	return redactedError{msg: msg}
}

// containsAny reports whether text contains one of the non-empty secrets.
func containsAny(text string, secrets []string) bool {
	for _, s := range secrets {
		if s != "" && strings.Contains(text, s) {
			return true
		}
	}
	return false
}
