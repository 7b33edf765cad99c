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

// Token returns the user's bearer token and where it was found, trying in
// order directive.endpoint.scope, directive.payload.scope (Discovery) and
// directive.payload.grantee (AcceptGrant). Only scopes of a bearer type with
// a non-empty token count. The payload is decoded only when the endpoint has
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
	var p struct {
		Scope   json.RawMessage `json:"scope"`
		Grantee json.RawMessage `json:"grantee"`
	}
	if json.Unmarshal(d.Payload, &p) != nil {
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
