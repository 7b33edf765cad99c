package lambdaiface

import (
	"fmt"
	"log/slog"
)

// The types below hold bearer tokens. Their String, GoString and LogValue
// methods let them be printed or logged without the token. They use value
// receivers so that both values and pointers, nested or not, are covered
// by fmt and log/slog.

// redacted stands for a secret that is present.
const redacted = "[redacted]"

// mask hides a secret while still telling whether it was set.
func mask(secret string) string {
	if secret == "" {
		return ""
	}
	return redacted
}

// String shows the scope type and whether a token is set, never the token.
func (s Scope) String() string {
	return fmt.Sprintf("Scope{Type:%s Token:%s}", s.Type, mask(s.Token))
}

// GoString keeps %#v from printing the token.
func (s Scope) GoString() string { return s.String() }

// LogValue keeps log/slog from recording the token.
func (s Scope) LogValue() slog.Value {
	return slog.GroupValue(slog.String("type", s.Type), slog.Bool("token_set", s.Token != ""))
}

// LogValue records the endpoint id only: the scope holds the token and the
// cookie is Home Assistant's business.
func (e Endpoint) LogValue() slog.Value {
	return slog.GroupValue(slog.String("endpointId", e.EndpointID))
}

// String identifies the directive without its scope or payload, which may
// hold the token: "Alexa.PowerController.TurnOn messageId=... endpointId=...".
func (d Directive) String() string {
	s := d.Header.Namespace + "." + d.Header.Name + " messageId=" + d.Header.MessageID
	if d.Endpoint != nil {
		s += " endpointId=" + d.Endpoint.EndpointID
	}
	return s
}

// GoString keeps %#v from printing the payload, which may hold the token.
func (d Directive) GoString() string { return d.String() }

// LogValue records the directive's identity for log/slog, never its token.
func (d Directive) LogValue() slog.Value {
	attrs := []slog.Attr{
		slog.String("namespace", d.Header.Namespace),
		slog.String("name", d.Header.Name),
		slog.String("messageId", d.Header.MessageID),
	}
	if d.Endpoint != nil {
		attrs = append(attrs, slog.String("endpointId", d.Endpoint.EndpointID))
	}
	return slog.GroupValue(attrs...)
}

// String shows the payload's token places without their tokens.
func (p DirectivePayload) String() string {
	return fmt.Sprintf("DirectivePayload{Scope:%v Grantee:%v}", p.Scope, p.Grantee)
}

// GoString keeps %#v from printing the tokens.
func (p DirectivePayload) GoString() string { return p.String() }

// LogValue records whether each token place is set, never its token.
func (p DirectivePayload) LogValue() slog.Value {
	return slog.GroupValue(slog.Bool("scope_set", p.Scope != nil), slog.Bool("grantee_set", p.Grantee != nil))
}

// String shows the user id and whether a token is set, never the token.
func (u SkillUser) String() string {
	return fmt.Sprintf("SkillUser{UserID:%s AccessToken:%s}", u.UserID, mask(u.AccessToken))
}

// GoString keeps %#v from printing the token.
func (u SkillUser) GoString() string { return u.String() }

// LogValue keeps log/slog from recording the token.
func (u SkillUser) LogValue() slog.Value {
	return slog.GroupValue(slog.String("userId", u.UserID), slog.Bool("token_set", u.AccessToken != ""))
}

// LogValue records the request's identity for log/slog, never its token.
func (r CustomSkillRequest) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("type", r.Request.Type),
		slog.String("requestId", r.Request.RequestID),
		slog.String("locale", r.Request.Locale),
		slog.Bool("token_set", r.AccessToken() != ""),
	)
}

// String shows the request line only: "GET /healthz".
func (r HTTPRequest) String() string {
	return r.RequestContext.HTTP.Method + " " + r.RequestContext.HTTP.Path
}

// LogValue records the request line and AWS request id for log/slog.
func (r HTTPRequest) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("method", r.RequestContext.HTTP.Method),
		slog.String("path", r.RequestContext.HTTP.Path),
		slog.String("requestId", r.RequestContext.RequestID),
	)
}

// LogValue records the event's identity for log/slog; an event from Home
// Assistant may echo the endpoint scope with its token.
func (e Event) LogValue() slog.Value {
	attrs := []slog.Attr{
		slog.String("namespace", e.Header.Namespace),
		slog.String("name", e.Header.Name),
		slog.String("messageId", e.Header.MessageID),
	}
	if e.Endpoint != nil {
		attrs = append(attrs, slog.String("endpointId", e.Endpoint.EndpointID))
	}
	return slog.GroupValue(attrs...)
}

// LogValue records the response's event identity for log/slog.
func (r Response) LogValue() slog.Value { return r.Event.LogValue() }

// LogValue records the session without the user's token.
func (s Session) LogValue() slog.Value {
	attrs := []slog.Attr{slog.String("sessionId", s.SessionID), slog.Bool("new", s.New)}
	if s.User != nil {
		attrs = append(attrs, slog.Any("user", *s.User))
	}
	return slog.GroupValue(attrs...)
}

// LogValue records the context without the user's token.
func (c SkillContext) LogValue() slog.Value { return c.System.LogValue() }

// LogValue records context.System without the user's token.
func (s SkillSystem) LogValue() slog.Value {
	if s.User == nil {
		return slog.GroupValue()
	}
	return slog.GroupValue(slog.Any("user", *s.User))
}

// String identifies the event by its kind and, for a directive, its
// identity; never its raw bytes or tokens.
func (in Input) String() string {
	if in.Directive != nil {
		return in.Kind.String() + " " + in.Directive.String()
	}
	return fmt.Sprintf("%s (%d bytes)", in.Kind, len(in.Raw))
}

// GoString keeps %#v from printing the raw event, which holds the token.
func (in Input) GoString() string { return in.String() }

// LogValue records the event's kind and identity for log/slog, never its
// raw bytes or tokens.
func (in Input) LogValue() slog.Value {
	attrs := []slog.Attr{slog.String("kind", in.Kind.String()), slog.Int("bytes", len(in.Raw))}
	if in.Directive != nil {
		attrs = append(attrs, slog.Any("directive", *in.Directive))
	}
	return slog.GroupValue(attrs...)
}
