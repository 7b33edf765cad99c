package lambdaiface

import (
	"bytes"
	"encoding/json"
)

// The member names the fast decode reads, in the order of its spans. They
// are the JSON names of the struct fields the checked decode fills.
var (
	envelopeFields  = [...]string{"directive"}
	directiveFields = [...]string{"header", "endpoint", "payload"}
	headerFields    = [...]string{"namespace", "name", "payloadVersion", "messageId", "correlationToken"}
	endpointFields  = [...]string{"scope", "endpointId", "cookie"}
	scopeFields     = [...]string{"type", "token", "partition", "userId"}
)

// directiveBlock holds a decoded directive with room for its endpoint and
// scope, so that the three cost one allocation.
type directiveBlock struct {
	directive Directive
	endpoint  Endpoint
	scope     Scope
}

// decodeFast is DecodeDirective for a directive as Alexa sends it: one walk
// over raw with the member scanner, one copy of the header's and
// endpoint's text for all their strings, one copy of the payload. It
// reports false whenever its result could differ from the checked
// decode's — the body is refused, a member has an unexpected JSON type, a
// member name has an escape or a non-ASCII byte, a member is repeated — and
// DecodeDirective then takes the checked path, which also words the error.
func decodeFast(raw []byte) (*Directive, bool) {
	if !json.Valid(raw) {
		return nil, false
	}
	var env [len(envelopeFields)]span
	if !readFields(raw, 0, envelopeFields[:], env[:]) || !isObjectAt(raw, env[0]) {
		return nil, false
	}
	var parts [len(directiveFields)]span
	if !readFields(raw, env[0].start, directiveFields[:], parts[:]) {
		return nil, false
	}
	header, endpoint, payload := parts[0], parts[1], parts[2]
	if !isObjectAt(raw, header) ||
		!absentOrNull(raw, endpoint) && !isObjectAt(raw, endpoint) ||
		!absentOrNull(raw, payload) && !isObjectAt(raw, payload) {
		return nil, false
	}
	if !isObjectAt(raw, endpoint) {
		endpoint = span{}
	}
	text := copyText(raw, header, endpoint)
	blk := new(directiveBlock)
	d := &blk.directive
	if !text.header(header, &d.Header) {
		return nil, false
	}
	if endpoint.found() {
		if !text.endpoint(endpoint, blk) {
			return nil, false
		}
		d.Endpoint = &blk.endpoint
	}
	if isObjectAt(raw, payload) {
		d.Payload = bytes.Clone(raw[payload.start:payload.end])
	}
	return d, true
}

// header reads the header object at s into h and applies DecodeDirective's
// rules to it; false sends the caller to the checked path.
func (t *textCopy) header(s span, h *Header) bool {
	var f [len(headerFields)]span
	if !readFields(t.doc, s.start, headerFields[:], f[:]) {
		return false
	}
	for i, dst := range [len(headerFields)]*string{&h.Namespace, &h.Name, &h.PayloadVersion, &h.MessageID, &h.CorrelationToken} {
		v, ok := t.str(f[i])
		if !ok {
			return false
		}
		*dst = v
	}
	return h.Namespace != "" && h.Name != "" && h.MessageID != "" && h.PayloadVersion == PayloadVersion3
}

// endpoint reads the endpoint object at s into blk.endpoint, its scope
// into blk.scope.
func (t *textCopy) endpoint(s span, blk *directiveBlock) bool {
	var f [len(endpointFields)]span
	if !readFields(t.doc, s.start, endpointFields[:], f[:]) {
		return false
	}
	scope, id, cookie := f[0], f[1], f[2]
	ep := &blk.endpoint
	var ok bool
	if ep.EndpointID, ok = t.str(id); !ok {
		return false
	}
	switch {
	case absentOrNull(t.doc, scope):
	case !isObjectAt(t.doc, scope) || !t.scope(scope, &blk.scope):
		return false
	default:
		ep.Scope = &blk.scope
	}
	switch {
	case absentOrNull(t.doc, cookie):
	case !isObjectAt(t.doc, cookie):
		return false
	default:
		if ep.Cookie, ok = t.cookie(cookie); !ok {
			return false
		}
	}
	return true
}

// scope reads the scope object at s into sc.
func (t *textCopy) scope(s span, sc *Scope) bool {
	var f [len(scopeFields)]span
	if !readFields(t.doc, s.start, scopeFields[:], f[:]) {
		return false
	}
	for i, dst := range [len(scopeFields)]*string{&sc.Type, &sc.Token, &sc.Partition, &sc.UserID} {
		v, ok := t.str(f[i])
		if !ok {
			return false
		}
		*dst = v
	}
	return true
}

// cookie reads the cookie object at s: every value a string (null counts
// as ""), names exact, a repeated name keeping its last value — as
// encoding/json fills a map[string]string.
func (t *textCopy) cookie(s span) (map[string]string, bool) {
	w, _ := walkObject(t.doc, s.start)
	n := 0
	for _, _, more := w.next(); more; _, _, more = w.next() {
		n++
	}
	m := make(map[string]string, n)
	w, _ = walkObject(t.doc, s.start)
	for {
		name, value, more := w.next()
		if !more {
			return m, true
		}
		k, okName := t.str(name)
		v, okValue := t.str(value)
		if !okName || !okValue {
			return nil, false
		}
		m[k] = v
	}
}
