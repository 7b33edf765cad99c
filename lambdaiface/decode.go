package lambdaiface

import (
	"encoding/json"
	"fmt"
	"strings"
)

// DirectiveError says why a request body is not a directive LEE can relay.
// It never quotes a value from the body, so it is safe to log.
type DirectiveError struct {
	// Field is the dotted JSON path of the offending member, for example
	// "directive.header.payloadVersion".
	Field string
	// Reason says what is wrong with Field.
	Reason string
	// Header is the directive header as far as it could be read: non-nil
	// whenever "directive.header" was a JSON object, so that the caller can
	// answer INVALID_DIRECTIVE with the directive's correlationToken.
	Header *Header
	// Endpoint is the directive's endpoint when its endpointId could still
	// be read although the directive as a whole was refused; nil otherwise.
	// With Header it lets the INVALID_DIRECTIVE answer keep the endpoint, as
	// Alexa expects.
	Endpoint *Endpoint
	// Err is the underlying JSON error, if any.
	Err error
}

// Directive returns the directive as far as it could be read (its header
// and, when readable, its endpoint) or nil when not even the header was.
func (e *DirectiveError) Directive() *Directive {
	if e.Header == nil {
		return nil
	}
	return &Directive{Header: *e.Header, Endpoint: e.Endpoint}
}

// Error describes the problem without any value from the body.
func (e *DirectiveError) Error() string {
	return fmt.Sprintf("lambdaiface: decode directive: %s: %s", e.Field, e.Reason)
}

// Unwrap returns the underlying JSON error, if any.
func (e *DirectiveError) Unwrap() error { return e.Err }

// check applies the directive rules to what Decode read: a header with a
// namespace, name and messageId, payloadVersion "3"; endpoint and payload,
// when present, objects. typeErr is the first member of the whole event
// that had the wrong JSON type, if any. It returns the directive, or what
// could be read of it with a *DirectiveError.
func (w *wireDirective) check(typeErr *json.UnmarshalTypeError) (*Directive, error) {
	// A member of the wrong type was allocated all the same: forget it.
	switch {
	case isField(typeErr, "directive.header"):
		w.Header = nil
	case isField(typeErr, "directive.endpoint"):
		w.Endpoint = nil
	case isField(typeErr, "directive.payload"):
		w.Payload = nil
	}
	bad := func(field, reason string, err error) (*Directive, error) {
		de := &DirectiveError{Field: field, Reason: reason, Header: w.Header, Err: err}
		if w.Endpoint != nil && w.Endpoint.EndpointID != "" {
			de.Endpoint = w.Endpoint
		}
		return de.Directive(), de
	}
	h := w.Header
	if f := directiveField(typeErr); f != "" {
		switch f {
		case "directive.header", "directive.endpoint", "directive.payload":
			return bad(f, "must be an object", typeErr)
		}
		return bad(f, "has the wrong JSON type", typeErr)
	}
	switch {
	case h == nil:
		return bad("directive.header", "is required", nil)
	case h.Namespace == "":
		return bad("directive.header.namespace", "is required", nil)
	case h.Name == "":
		return bad("directive.header.name", "is required", nil)
	case h.MessageID == "":
		return bad("directive.header.messageId", "is required", nil)
	case h.PayloadVersion == "":
		return bad("directive.header.payloadVersion", "is required", nil)
	case h.PayloadVersion != PayloadVersion3:
		return bad("directive.header.payloadVersion", `must be "3"`, nil)
	}
	return &Directive{Header: *h, Endpoint: w.Endpoint, Payload: w.Payload}, nil
}

// directiveField returns the field of a type error inside the directive
// that makes it unusable, "" when there is none. A malformed member inside
// the payload other than the payload itself is Home Assistant's to judge:
// LEE reads only the token places there, and a malformed one holds no token.
func directiveField(err *json.UnmarshalTypeError) string {
	if err == nil {
		return ""
	}
	f := err.Field
	if !strings.HasPrefix(f, "directive.") || strings.HasPrefix(f, "directive.payload.") {
		return ""
	}
	return f
}
