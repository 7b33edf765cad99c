package lambdaiface

import "encoding/json"

// TokenSource says where in a directive its bearer token was found.
type TokenSource int

const (
	// TokenNone means the directive carries no usable bearer token.
	TokenNone TokenSource = iota
	// TokenEndpointScope is directive.endpoint.scope, used by device directives.
	TokenEndpointScope
	// TokenPayloadScope is directive.payload.scope, used by Discovery.
	TokenPayloadScope
	// TokenGrantee is directive.payload.grantee, used by AcceptGrant.
	TokenGrantee
)

// String names the source by its JSON path, for logs and metrics.
func (s TokenSource) String() string {
	switch s {
	case TokenNone:
		return "none"
	case TokenEndpointScope:
		return "endpoint.scope"
	case TokenPayloadScope:
		return "payload.scope"
	case TokenGrantee:
		return "payload.grantee"
	}
	return "TokenSource(invalid)"
}

// Bearer scope types whose token is an OAuth access token Home Assistant
// accepts.
const (
	scopeBearer              = "BearerToken"
	scopeBearerWithPartition = "BearerTokenWithPartition"
)

// bearerToken returns the scope's token when it is a non-empty bearer token.
func (s *Scope) bearerToken() (string, bool) {
	if s == nil || s.Token == "" {
		return "", false
	}
	if s.Type != scopeBearer && s.Type != scopeBearerWithPartition {
		return "", false
	}
	return s.Token, true
}

// payloadTokenFields are the payload members Token reads, in the order of
// the token sources they hold.
var payloadTokenFields = [...]string{"scope", "grantee"}

// Token returns the user's bearer token and where it was found, trying in
// order directive.endpoint.scope, directive.payload.scope (Discovery) and
// directive.payload.grantee (AcceptGrant). Only scopes of a bearer type with
// a non-empty token count. The payload is read only when the endpoint has
// no token, and then only its scope and grantee members; a malformed member
// is skipped rather than reported, since the relay needs a token, not a
// verdict on the payload.
func (d *Directive) Token() (string, TokenSource) {
	if d == nil {
		return "", TokenNone
	}
	if d.Endpoint != nil {
		if tok, ok := d.Endpoint.Scope.bearerToken(); ok {
			return tok, TokenEndpointScope
		}
	}
	if !isObject(d.Payload) {
		return "", TokenNone
	}
	if tok, src, sure := payloadTokenFast(d.Payload); sure {
		return tok, src
	}
	return payloadTokenChecked(d.Payload)
}

// payloadTokenFast finds the payload's token with the member scanner,
// copying only the token. sure is false when the scanner cannot be sure to
// agree with encoding/json (see readFields).
func payloadTokenFast(payload []byte) (tok string, src TokenSource, sure bool) {
	if !json.Valid(payload) {
		return "", TokenNone, true
	}
	var f [len(payloadTokenFields)]span
	if !readFields(payload, 0, payloadTokenFields[:], f[:]) {
		return "", TokenNone, false
	}
	for i, src := range [...]TokenSource{TokenPayloadScope, TokenGrantee} {
		tok, ok, sure := scopeToken(payload, f[i])
		if !sure {
			return "", TokenNone, false
		}
		if ok {
			return tok, src, true
		}
	}
	return "", TokenNone, true
}

// scopeToken is rawBearerToken on the member scanner: the token of the
// scope-shaped value at v of doc when it is a well-formed bearer scope.
func scopeToken(doc []byte, v span) (tok string, ok, sure bool) {
	if !isObjectAt(doc, v) {
		return "", false, true
	}
	var f [len(scopeFields)]span
	if !readFields(doc, v.start, scopeFields[:], f[:]) {
		return "", false, false
	}
	typ, okType := stringBytes(doc, f[0])
	token, okToken := stringBytes(doc, f[1])
	_, okPartition := stringBytes(doc, f[2])
	_, okUser := stringBytes(doc, f[3])
	switch {
	case !okType || !okToken || !okPartition || !okUser:
		return "", false, true // encoding/json refuses the whole scope
	case len(token) == 0 || string(typ) != scopeBearer && string(typ) != scopeBearerWithPartition:
		return "", false, true
	}
	return string(token), true, true
}

// payloadTokenChecked finds the payload's token with encoding/json.
func payloadTokenChecked(payload []byte) (string, TokenSource) {
	var p struct {
		Scope   json.RawMessage `json:"scope"`
		Grantee json.RawMessage `json:"grantee"`
	}
	if json.Unmarshal(payload, &p) != nil {
		return "", TokenNone
	}
	if tok, ok := rawBearerToken(p.Scope); ok {
		return tok, TokenPayloadScope
	}
	if tok, ok := rawBearerToken(p.Grantee); ok {
		return tok, TokenGrantee
	}
	return "", TokenNone
}

// rawBearerToken decodes a raw scope-shaped member and returns its token
// when it is a well-formed bearer scope.
func rawBearerToken(raw json.RawMessage) (string, bool) {
	if !isObject(raw) {
		return "", false
	}
	var s Scope
	if json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s.bearerToken()
}
