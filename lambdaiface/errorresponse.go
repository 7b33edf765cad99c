package lambdaiface

import (
	"encoding/json"
	"maps"
	"strings"
	"unicode/utf8"

	"github.com/lee-engine/lee/utility"
)

// ErrorType is the "type" of an Alexa ErrorResponse payload.
type ErrorType string

// The Alexa error types LEE answers with. Every one is allowed by the Alexa
// Smart Home message schema with a plain {type, message} payload; the
// comments give the situation LEE uses each for.
const (
	// BridgeUnreachable is for Home Assistant not reachable in time.
	BridgeUnreachable ErrorType = "BRIDGE_UNREACHABLE"
	// InvalidAuthorizationCredential is for a missing or refused token.
	InvalidAuthorizationCredential ErrorType = "INVALID_AUTHORIZATION_CREDENTIAL"
	// ExpiredAuthorizationCredential is for a token known to have expired.
	ExpiredAuthorizationCredential ErrorType = "EXPIRED_AUTHORIZATION_CREDENTIAL"
	// InternalError is for an answer from Home Assistant that is not an
	// Alexa message, and for any type NewErrorResponse cannot send.
	InternalError ErrorType = "INTERNAL_ERROR"
	// InvalidDirective is for a directive that cannot be relayed.
	InvalidDirective ErrorType = "INVALID_DIRECTIVE"
	// EndpointUnreachable is for a target device that is offline.
	EndpointUnreachable ErrorType = "ENDPOINT_UNREACHABLE"
	// NoSuchEndpoint is for a target device that does not exist.
	NoSuchEndpoint ErrorType = "NO_SUCH_ENDPOINT"
	// AcceptGrantFailed is for any failure of an AcceptGrant; the schema
	// allows it only in the Alexa.Authorization namespace.
	AcceptGrantFailed ErrorType = "ACCEPT_GRANT_FAILED"
)

// alexaNamespaceType reports whether typ may appear in an ErrorResponse of
// the plain "Alexa" namespace as LEE builds it.
func alexaNamespaceType(typ ErrorType) bool {
	switch typ {
	case BridgeUnreachable, InvalidAuthorizationCredential, ExpiredAuthorizationCredential,
		InternalError, InvalidDirective, EndpointUnreachable, NoSuchEndpoint:
		return true
	}
	return false
}

// Echo bounds. An ErrorResponse repeats parts of the directive it answers,
// and a directive can be as large as Lambda lets an event be (6 MB), every
// '<' of it growing to six bytes ("\u003c") in the answer. These bounds keep
// every ErrorResponse under 64 KiB whatever the directive: Alexa's own
// correlation tokens and Home Assistant's cookies are far smaller, so only
// a hostile or broken directive loses anything.
const (
	// maxEchoedCorrelationToken is the longest correlationToken repeated,
	// in bytes; a longer one is left out, not cut (a cut token is wrong).
	maxEchoedCorrelationToken = 4 << 10
	// maxEchoedCookie bounds the endpoint cookie repeated, counted as the
	// bytes of its keys and values; a larger cookie is left out whole.
	maxEchoedCookie = 4 << 10
	// maxMessage bounds the message, in bytes; a longer one is cut at a
	// rune boundary.
	maxMessage = 1 << 10
)

// errorPayload is the payload of an ErrorResponse.
type errorPayload struct {
	Type    ErrorType `json:"type"`
	Message string    `json:"message"`
}

// NewErrorResponse builds the ErrorResponse that answers d, always valid
// against the Alexa Smart Home message schema:
//   - namespace "Alexa", name "ErrorResponse", payloadVersion "3";
//   - a fresh messageId from utility.NewMessageID;
//   - the directive's correlationToken, when it has one of at most 4 KiB;
//   - the directive's endpoint (endpointId and cookie) without its scope,
//     because the scope holds the user's bearer token and an answer must
//     never echo it; an endpoint whose id the schema would refuse is left
//     out rather than making the whole answer invalid, and a cookie whose
//     keys and values exceed 4 KiB is left out;
//   - payload {type, message}; a typ not listed in this package becomes
//     INTERNAL_ERROR, any occurrence of the directive's token in message
//     is replaced by "[redacted]", and message is cut to 1 KiB.
//
// So the answer stays under 64 KiB however large the directive.
//
// An Alexa.Authorization AcceptGrant directive is answered in namespace
// "Alexa.Authorization" with type ACCEPT_GRANT_FAILED whatever typ is, and
// without an endpoint even when the directive (wrongly) carried one, as
// Alexa documents that answer. d may be nil or hold only a header.
func NewErrorResponse(d *Directive, typ ErrorType, message string) *Response {
	h := Header{
		Namespace:      NamespaceAlexa,
		Name:           NameErrorResponse,
		PayloadVersion: PayloadVersion3,
		MessageID:      utility.NewMessageID(),
	}
	switch {
	case d.IsAcceptGrant():
		h.Namespace, typ = NamespaceAuthorization, AcceptGrantFailed
	case !alexaNamespaceType(typ):
		typ = InternalError
	}
	var ep *Endpoint
	if d != nil {
		if len(d.Header.CorrelationToken) <= maxEchoedCorrelationToken {
			h.CorrelationToken = d.Header.CorrelationToken
		}
		if !d.IsAcceptGrant() {
			ep = unscopedEndpoint(d.Endpoint)
		}
		message = withoutToken(message, d)
	}
	message = cutMessage(message)
	// Encoding a struct of two strings cannot fail.
	payload, _ := json.Marshal(errorPayload{Type: typ, Message: message})
	return &Response{Event: Event{Header: h, Endpoint: ep, Payload: payload}}
}

// withoutToken replaces every occurrence of a token d carries (in any of
// its three token places, whatever the scope's type) by "[redacted]".
// Should a token be so short that it occurs in the mark itself, the message
// is dropped: an empty message is valid, a leak is not.
func withoutToken(message string, d *Directive) string {
	for _, s := range d.scopes() {
		if s == nil || s.Token == "" {
			continue
		}
		message = strings.ReplaceAll(message, s.Token, redacted)
		if strings.Contains(message, s.Token) {
			return ""
		}
	}
	return message
}

// scopes lists d's three token places, nil where absent.
func (d *Directive) scopes() [3]*Scope {
	var out [3]*Scope
	if d.Endpoint != nil {
		out[0] = d.Endpoint.Scope
	}
	if d.Payload != nil {
		out[1], out[2] = d.Payload.Scope, d.Payload.Grantee
	}
	return out
}

// cutMessage cuts message to maxMessage bytes at a rune boundary.
func cutMessage(message string) string {
	if len(message) <= maxMessage {
		return message
	}
	cut := maxMessage
	for cut > 0 && !utf8.RuneStart(message[cut]) {
		cut--
	}
	return message[:cut]
}

// unscopedEndpoint copies ep without its scope, or returns nil when there is
// no endpoint or its id would not pass the schema. The cookie is copied only
// when it is within maxEchoedCookie.
func unscopedEndpoint(ep *Endpoint) *Endpoint {
	if ep == nil || !validEndpointID(ep.EndpointID) {
		return nil
	}
	out := &Endpoint{EndpointID: ep.EndpointID}
	if cookieSize(ep.Cookie) <= maxEchoedCookie {
		out.Cookie = maps.Clone(ep.Cookie)
	}
	return out
}

// cookieSize is the bytes of a cookie's keys and values; it stops counting
// once past maxEchoedCookie.
func cookieSize(c map[string]string) int {
	n := 0
	for k, v := range c {
		if n += len(k) + len(v); n > maxEchoedCookie {
			break
		}
	}
	return n
}
