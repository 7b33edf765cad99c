package security

import "errors"

// The sentinel errors below classify a *ValidationError so callers can
// branch with errors.Is without parsing text; each ValidationError wraps
// exactly one of them.
var (
	// ErrTooLarge reports an event larger than Limits.MaxBytes.
	ErrTooLarge = errors.New("too large")
	// ErrTooDeep reports an event nested deeper than Limits.MaxDepth.
	ErrTooDeep = errors.New("nested too deep")
	// ErrNotJSON reports an event that is not a single well-formed UTF-8
	// JSON object.
	ErrNotJSON = errors.New("not a JSON object")
	// ErrBadToken reports a bearer token whose shape cannot be valid.
	ErrBadToken = errors.New("bad token")
	// ErrBadURL reports a Home Assistant base URL that LEE refuses to use.
	ErrBadURL = errors.New("bad URL")
)

// ValidationError says which part of the input failed and why. Its text
// never quotes the input itself, so it is safe to log even when the input
// carried a token.
type ValidationError struct {
	// Field names what failed: "event", "token" or "url".
	Field string
	// Reason is a short human explanation, for example "not valid UTF-8".
	Reason string
	// Err is the sentinel that classifies the failure (ErrTooLarge,
	// ErrBadToken, ...); errors.Is reaches it through Unwrap.
	Err error
}

// Error formats the failure as "field <Field>: <Reason>".
func (e *ValidationError) Error() string {
	return "field " + e.Field + ": " + e.Reason
}

// Unwrap exposes the classifying sentinel to errors.Is.
func (e *ValidationError) Unwrap() error { return e.Err }

func invalid(field string, sentinel error, reason string) *ValidationError {
	return &ValidationError{Field: field, Reason: reason, Err: sentinel}
}
