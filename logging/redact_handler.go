package logging

import (
	"context"
	"log/slog"
)

// redactingHandler is a slog.Handler that removes secrets from every record
// before passing it to the next handler. It asks secrets for the set that
// applies to each record's context: a Logger answers with the secrets of the
// record's own invocation.
type redactingHandler struct {
	next    slog.Handler
	secrets func(context.Context) *secretSet
	// hideAll is set under a group whose name is sensitive ("secrets"): all
	// its members are redacted, as they would be if the group were an
	// attribute.
	hideAll bool
}

// NewRedactingHandler wraps next so that no record reaches it carrying a
// secret: attributes whose key contains token, authorization, password,
// secret, key or cookie (any case, at any depth) are written as "[REDACTED]",
// and bearer tokens, JSON Web Tokens and the given secrets are cut out of the
// message, string values, error texts and other values. Secrets shorter than
// four bytes are ignored. A record that needs no change is passed on as is.
func NewRedactingHandler(next slog.Handler, secrets ...string) slog.Handler {
	set := newSecretSet(secrets)
	return &redactingHandler{next: next, secrets: func(context.Context) *secretSet { return set }}
}

// Enabled defers to the wrapped handler.
func (h *redactingHandler) Enabled(ctx context.Context, level slog.Level) bool {
	return h.next.Enabled(ctx, level)
}

// Handle redacts r and passes it on.
func (h *redactingHandler) Handle(ctx context.Context, r slog.Record) error {
	s := h.secrets(ctx)
	if h.hideAll {
		return h.next.Handle(ctx, hideRecord(r, s))
	}
	out, _ := redactRecord(r, s)
	return h.next.Handle(ctx, out)
}

// WithAttrs redacts attrs once, when they are bound, with the secrets known
// at that moment outside any invocation.
func (h *redactingHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	s := h.secrets(context.Background())
	out := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		if h.hideAll {
			out[i] = hideAttr(a, s)
			continue
		}
		out[i], _ = redactAttr(a, s)
	}
	return &redactingHandler{next: h.next.WithAttrs(out), secrets: h.secrets, hideAll: h.hideAll}
}

// WithGroup opens a group whose name is itself redacted.
func (h *redactingHandler) WithGroup(name string) slog.Handler {
	s := h.secrets(context.Background())
	n, _ := redactText(name, s)
	return &redactingHandler{
		next:    h.next.WithGroup(n),
		secrets: h.secrets,
		hideAll: h.hideAll || sensitiveKey(name),
	}
}

// redactRecord returns r with secrets removed from its message and
// attributes, and whether anything changed. A clean record is checked without
// allocating and returned unchanged.
func redactRecord(r slog.Record, s *secretSet) (slog.Record, bool) {
	msg, changed := redactText(r.Message, s)
	if !changed {
		r.Attrs(func(a slog.Attr) bool {
			_, changed = redactAttr(a, s)
			return !changed
		})
		if !changed {
			return r, false
		}
	}
	out := slog.NewRecord(r.Time, r.Level, msg, r.PC)
	r.Attrs(func(a slog.Attr) bool {
		ra, _ := redactAttr(a, s)
		out.AddAttrs(ra)
		return true
	})
	return out, true
}

// hideRecord returns r with its message redacted and every attribute value
// replaced by Redacted.
func hideRecord(r slog.Record, s *secretSet) slog.Record {
	msg, _ := redactText(r.Message, s)
	out := slog.NewRecord(r.Time, r.Level, msg, r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(hideAttr(a, s))
		return true
	})
	return out
}

// hideAttr keeps a's (redacted) key and drops its value.
func hideAttr(a slog.Attr, s *secretSet) slog.Attr {
	key, _ := redactText(a.Key, s)
	return slog.String(key, Redacted)
}
