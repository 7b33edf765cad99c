package lambdaiface

// TokenSource names the place of an event that carries the user's bearer
// token. Which place an event uses depends on what it is, so the caller
// (the dispatch table's row for the event) names it.
type TokenSource uint8

const (
	// TokenNone means the event carries no token (warm-up, HTTP).
	TokenNone TokenSource = iota
	// TokenEndpointScope is directive.endpoint.scope, used by device directives.
	TokenEndpointScope
	// TokenPayloadScope is directive.payload.scope, used by Discovery.
	TokenPayloadScope
	// TokenGrantee is directive.payload.grantee, used by AcceptGrant.
	TokenGrantee
	// TokenSkillUser is a custom-skill request's linked account:
	// context.System.user.accessToken, else session.user.accessToken.
	TokenSkillUser
)

var tokenSourceNames = [...]string{"none", "endpoint.scope", "payload.scope", "payload.grantee", "user.accessToken"}

// String names the source by its JSON path, for logs.
func (s TokenSource) String() string {
	if int(s) < len(tokenSourceNames) {
		return tokenSourceNames[s]
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
func (s *Scope) bearerToken() string {
	if s == nil || s.Type != scopeBearer && s.Type != scopeBearerWithPartition {
		return ""
	}
	return s.Token
}

// Token returns the user's bearer token found at src, or "" when that place
// holds none. A directive's places count only when they are scopes of type
// "BearerToken" or "BearerTokenWithPartition" with a non-empty token.
func (in *Input) Token(src TokenSource) string {
	if in == nil {
		return ""
	}
	switch src {
	case TokenEndpointScope, TokenPayloadScope, TokenGrantee:
		return in.Directive.token(src)
	case TokenSkillUser:
		return in.Skill.AccessToken()
	}
	return ""
}

// token returns the bearer token at src, one of the three directive places.
func (d *Directive) token(src TokenSource) string {
	if d == nil {
		return ""
	}
	switch src {
	case TokenEndpointScope:
		if d.Endpoint != nil {
			return d.Endpoint.Scope.bearerToken()
		}
	case TokenPayloadScope:
		if d.Payload != nil {
			return d.Payload.Scope.bearerToken()
		}
	case TokenGrantee:
		if d.Payload != nil {
			return d.Payload.Grantee.bearerToken()
		}
	}
	return ""
}
