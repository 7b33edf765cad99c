package lambdaiface

import (
	"encoding/json"
	"fmt"
)

// DirectiveError says why a request body is not a directive LEE can relay.
// It never quotes a value from the body, so it is safe to log.
type DirectiveError struct {
	// Field is the dotted JSON path of the offending member, for example
	// "directive.header.payloadVersion"; empty when the body as a whole is
	// at fault.
	Field string
	// Reason says what is wrong with Field.
	Reason string
	// Header is the directive header as far as it could be read: non-nil
	// whenever "directive.header" was a JSON object, so that the caller can
	// answer INVALID_DIRECTIVE with the directive's correlationToken.
	Header *Header
	// Endpoint is the directive's endpoint when it could still be read
	// (leniently: an endpoint with an endpointId) although the directive as
	// a whole was refused; nil otherwise. With Header it lets the caller's
	// INVALID_DIRECTIVE answer keep the endpoint, as Alexa expects.
	Endpoint *Endpoint
	// Err is the underlying JSON error, if any.
	Err error
}

// Directive returns the directive as far as it could be read — its header
// and, when readable, its endpoint — or nil when not even the header was.
func (e *DirectiveError) Directive() *Directive {
	if e.Header == nil {
		return nil
	}
	return &Directive{Header: *e.Header, Endpoint: e.Endpoint}
}

// Error describes the problem without any value from the body.
func (e *DirectiveError) Error() string {
	if e.Field == "" {
		return "lambdaiface: decode directive: " + e.Reason
	}
	return fmt.Sprintf("lambdaiface: decode directive: %s: %s", e.Field, e.Reason)
}

// Unwrap returns the underlying JSON error, if any.
func (e *DirectiveError) Unwrap() error { return e.Err }

// directiveParts is the directive object split into its members, each still
// raw, so that every member's type can be checked and named on its own.
type directiveParts struct {
	Header   json.RawMessage `json:"header"`
	Endpoint json.RawMessage `json:"endpoint"`
	Payload  json.RawMessage `json:"payload"`
}

// DecodeDirective decodes and checks an Alexa Smart Home request body, the
// object {"directive": {...}}. It requires the directive's header with a
// namespace, name and messageId, and payloadVersion "3"; endpoint and
// payload, when present, must be objects. Any problem is reported as a
// *DirectiveError naming the member at fault. It never panics.
//
// Member names match as encoding/json matches them, in any letter case.
// The result shares no memory with raw. A directive as Alexa sends it is
// read in one pass of a small scanner, in at most four allocations when its
// strings hold no escapes; anything unusual (a refused body, a repeated or
// escaped member name, a member of the wrong type) goes through
// encoding/json, with the same result.
func DecodeDirective(raw []byte) (*Directive, error) {
	if d, ok := decodeFast(raw); ok {
		return d, nil
	}
	return decodeChecked(raw)
}

// decodeChecked is DecodeDirective with encoding/json, member by member, so
// that every refusal names the member at fault.
func decodeChecked(raw []byte) (*Directive, error) {
	var parts directiveParts
	d, err := decodeDirective(raw, &parts)
	if de, ok := err.(*DirectiveError); ok && de.Header != nil && de.Endpoint == nil {
		de.Endpoint = lenientEndpoint(parts.Endpoint)
	}
	return d, err
}

// lenientEndpoint reads whatever it can of an endpoint member, for an error
// answer only: nil unless an endpointId string could be read.
func lenientEndpoint(raw json.RawMessage) *Endpoint {
	if !isObject(raw) {
		return nil
	}
	var ep struct {
		EndpointID json.RawMessage   `json:"endpointId"`
		Cookie     map[string]string `json:"cookie"`
	}
	_ = json.Unmarshal(raw, &ep)
	var id string
	if json.Unmarshal(ep.EndpointID, &id) != nil || id == "" {
		return nil
	}
	return &Endpoint{EndpointID: id, Cookie: ep.Cookie}
}

// decodeDirective does DecodeDirective's work, leaving the directive's raw
// members in parts for the caller's error handling.
func decodeDirective(raw []byte, parts *directiveParts) (*Directive, error) {
	var env struct {
		Directive json.RawMessage `json:"directive"`
	}
	if err := json.Unmarshal(raw, &env); err != nil && !isTypeError(err) {
		return nil, &DirectiveError{Reason: "body is not valid JSON", Err: err}
	}
	if !isObject(raw) {
		return nil, &DirectiveError{Reason: "body is not a JSON object"}
	}
	if isAbsent(env.Directive) {
		return nil, &DirectiveError{Field: "directive", Reason: "is required"}
	}
	if !isObject(env.Directive) {
		return nil, &DirectiveError{Field: "directive", Reason: "must be an object"}
	}
	if err := json.Unmarshal(env.Directive, parts); err != nil {
		return nil, &DirectiveError{Field: "directive", Reason: "cannot be read", Err: err}
	}
	d := &Directive{}
	if err := decodeHeader(parts.Header, &d.Header); err != nil {
		return nil, err
	}
	if err := decodeEndpoint(parts.Endpoint, d); err != nil {
		return nil, err
	}
	switch {
	case isAbsent(parts.Payload):
	case !isObject(parts.Payload):
		return nil, &DirectiveError{Field: "directive.payload", Reason: "must be an object", Header: &d.Header}
	default:
		d.Payload = parts.Payload
	}
	return d, nil
}

// decodeHeader reads and checks the header member into h.
func decodeHeader(raw json.RawMessage, h *Header) error {
	if isAbsent(raw) {
		return &DirectiveError{Field: "directive.header", Reason: "is required"}
	}
	if !isObject(raw) {
		return &DirectiveError{Field: "directive.header", Reason: "must be an object"}
	}
	if err := json.Unmarshal(raw, h); err != nil {
		return memberError("directive.header", err, h)
	}
	switch {
	case h.Namespace == "":
		return &DirectiveError{Field: "directive.header.namespace", Reason: "is required", Header: h}
	case h.Name == "":
		return &DirectiveError{Field: "directive.header.name", Reason: "is required", Header: h}
	case h.MessageID == "":
		return &DirectiveError{Field: "directive.header.messageId", Reason: "is required", Header: h}
	case h.PayloadVersion == "":
		return &DirectiveError{Field: "directive.header.payloadVersion", Reason: "is required", Header: h}
	case h.PayloadVersion != PayloadVersion3:
		return &DirectiveError{Field: "directive.header.payloadVersion", Reason: `must be "3"`, Header: h}
	}
	return nil
}

// decodeEndpoint reads the optional endpoint member into d.Endpoint.
func decodeEndpoint(raw json.RawMessage, d *Directive) error {
	if isAbsent(raw) {
		return nil
	}
	if !isObject(raw) {
		return &DirectiveError{Field: "directive.endpoint", Reason: "must be an object", Header: &d.Header}
	}
	var ep Endpoint
	if err := json.Unmarshal(raw, &ep); err != nil {
		return memberError("directive.endpoint", err, &d.Header)
	}
	d.Endpoint = &ep
	return nil
}

// memberError turns a JSON error met inside the member at path into a
// *DirectiveError naming the deepest member the error identifies.
func memberError(path string, err error, h *Header) *DirectiveError {
	field := path
	if sub, ok := typeErrorField(err); ok {
		field = path + "." + sub
	}
	return &DirectiveError{Field: field, Reason: "has the wrong JSON type", Header: h, Err: err}
}
