package config

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"
)

// SSMError is an answer from SSM Parameter Store other than success. It
// is what a failed ParameterStore.Get wraps when SSM itself refused, and
// it carries nothing secret: the message has any credential removed, and
// an error answer never holds a parameter value.
type SSMError struct {
	// Code is SSM's error code without its namespace
	// ("ParameterNotFound", not "com.amazonaws.ssm#ParameterNotFound");
	// empty when the answer named none.
	Code string
	// StatusCode is the HTTP status of the answer.
	StatusCode int
	// Message is SSM's explanation, shortened for one log line.
	Message string
	// RequestID is the x-amzn-RequestId header, for AWS support; empty
	// when absent.
	RequestID string
	// Attempts is how many attempts the call made, this one included;
	// 0 or 1 means the first attempt ended in this error.
	Attempts int
}

// Error describes the answer: code, status, attempts, request id and
// message, on one line.
func (e *SSMError) Error() string {
	var b strings.Builder
	b.WriteString("SSM answered ")
	if e.Code != "" {
		b.WriteString(e.Code + " (")
	} else {
		b.WriteString("(no error code, ")
	}
	b.WriteString("HTTP " + strconv.Itoa(e.StatusCode))
	if e.Attempts > 1 {
		b.WriteString(", " + strconv.Itoa(e.Attempts) + " attempts")
	}
	if e.RequestID != "" {
		b.WriteString(", request id " + e.RequestID)
	}
	b.WriteString(")")
	if e.Message != "" {
		b.WriteString(": " + strconv.Quote(e.Message))
	}
	return b.String()
}

// kind returns the sentinel e stands for, or nil. An answer without a
// code falls back on its status: 403 is access denied, 429 throttling.
func (e *SSMError) kind() error {
	if k := codeKind(e.Code); k != nil {
		return k
	}
	switch {
	case e.Code == "" && e.StatusCode == http.StatusForbidden:
		return ErrAccessDenied
	case e.Code == "" && e.StatusCode == http.StatusTooManyRequests:
		return ErrThrottled
	}
	return nil
}

// codeKind returns the sentinel an error code stands for, or nil. The
// access-denied codes include those of a request SSM cannot authenticate
// (unknown key, bad signature, expired session), since the fix is the
// same: the function's credentials or role. A switch rather than a
// package-level map, whose construction would run at every cold start
// although most functions never read Parameter Store.
func codeKind(code string) error {
	switch code {
	case "ParameterNotFound", "ParameterVersionNotFound":
		return ErrParameterNotFound
	case "AccessDeniedException", "AccessDenied", "UnrecognizedClientException",
		"InvalidSignatureException", "ExpiredTokenException", "ExpiredToken",
		"InvalidClientTokenId", "SignatureDoesNotMatch", "IncompleteSignature",
		"MissingAuthenticationTokenException":
		return ErrAccessDenied
	case "ThrottlingException", "Throttling", "TooManyRequestsException",
		"ThrottledException", "RequestLimitExceeded":
		return ErrThrottled
	}
	return nil
}

// retryable reports whether another attempt may succeed: throttling, or
// a server-side failure that is not one of the known refusals.
func (e *SSMError) retryable() bool {
	k := e.kind()
	return k == ErrThrottled || k == nil && e.StatusCode >= 500
}

// classify wraps e with the sentinel it stands for, if any, keeping e
// reachable for errors.As.
func classify(e *SSMError) error {
	if k := e.kind(); k != nil {
		return fmt.Errorf("%w: %w", k, e)
	}
	return e
}

// maxMessage bounds the message an SSMError keeps, in bytes: long enough
// for an access-denied explanation naming the role, action and resource.
const maxMessage = 512

// newSSMError reads an error answer: the code from the X-Amzn-ErrorType
// header, else from the body's __type or code, stripped of namespace and
// URI parts; the message from the body. A field that contains one of
// secrets is withheld whole rather than edited, so no part of a secret
// can survive.
func newSSMError(resp *http.Response, answer []byte, secrets ...string) *SSMError {
	var body struct {
		Type    string `json:"__type"`
		Code    string `json:"code"`
		Message string `json:"message"`
	}
	_ = json.Unmarshal(answer, &body)
	code := resp.Header.Get("X-Amzn-ErrorType")
	if code == "" {
		code = body.Type
	}
	if code == "" {
		code = body.Code
	}
	msg := body.Message
	if quotesSecret(msg, secrets) || quotesSecret(strconv.Quote(msg), secrets) {
		msg = "(message withheld: it quotes a credential)"
	}
	e := &SSMError{
		Code:       cleanCode(code),
		StatusCode: resp.StatusCode,
		Message:    shorten(msg, maxMessage),
		RequestID:  cleanIdentifier(resp.Header.Get("X-Amzn-RequestId")),
	}
	if quotesSecret(e.Code, secrets) {
		e.Code = ""
	}
	if quotesSecret(e.RequestID, secrets) {
		e.RequestID = ""
	}
	return e
}

// quotesSecret reports whether s contains one of the non-empty secrets.
func quotesSecret(s string, secrets []string) bool {
	for _, secret := range secrets {
		if secret != "" && strings.Contains(s, secret) {
			return true
		}
	}
	return false
}

// cleanCode turns the forms an AWS JSON error code arrives in
// ("ParameterNotFound", "com.amazonaws.ssm#ParameterNotFound",
// "ParameterNotFound:http://internal.amazon.com/…") into the bare code.
func cleanCode(raw string) string {
	if i := strings.IndexByte(raw, ':'); i >= 0 {
		raw = raw[:i]
	}
	if i := strings.LastIndexByte(raw, '#'); i >= 0 {
		raw = raw[i+1:]
	}
	return cleanIdentifier(raw)
}

// cleanIdentifier keeps s only when it looks like a code or request id
// (letters, digits, '.', '_' and '-', at most 128 bytes), so an odd
// answer cannot put arbitrary text into an error.
func cleanIdentifier(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 128 {
		return ""
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-') {
			return ""
		}
	}
	return s
}

// shorten cuts s to at most limit bytes at a rune boundary, marking the
// cut.
func shorten(s string, limit int) string {
	if len(s) <= limit {
		return s
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
