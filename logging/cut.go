package logging

import (
	"context"
	"log/slog"
	"unicode/utf8"
)

// CutMark ends a value cut to Settings.MaxValueRunes.
const CutMark = "…"

// cutHandler sits after the redacting handler and cuts the message and
// every string value (at any depth) longer than max runes, so that a cut can
// never split a secret. A record with nothing to cut is passed on as is,
// without allocating: unlike a ReplaceAttr hook, which would make the JSON
// handler box its built-in attributes on every line.
type cutHandler struct {
	next slog.Handler
	max  int
}

// Enabled defers to the wrapped handler.
func (h *cutHandler) Enabled(ctx context.Context, level slog.Level) bool {
	return h.next.Enabled(ctx, level)
}

// Handle cuts r's long values, if any, and passes it on.
func (h *cutHandler) Handle(ctx context.Context, r slog.Record) error {
	long := h.tooLong(r.Message)
	if !long {
		r.Attrs(func(a slog.Attr) bool {
			long = h.attrTooLong(a)
			return !long
		})
	}
	if !long {
		return h.next.Handle(ctx, r)
	}
	out := slog.NewRecord(r.Time, r.Level, cutRunes(r.Message, h.max), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(h.cutAttr(a))
		return true
	})
	return h.next.Handle(ctx, out)
}

// WithAttrs cuts attrs once, when they are bound.
func (h *cutHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	out := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		out[i] = h.cutAttr(a)
	}
	return &cutHandler{next: h.next.WithAttrs(out), max: h.max}
}

// WithGroup opens a group on the wrapped handler.
func (h *cutHandler) WithGroup(name string) slog.Handler {
	return &cutHandler{next: h.next.WithGroup(name), max: h.max}
}

func (h *cutHandler) tooLong(s string) bool {
	return len(s) > h.max && utf8.RuneCountInString(s) > h.max
}

func (h *cutHandler) attrTooLong(a slog.Attr) bool {
	switch a.Value.Kind() {
	case slog.KindString:
		return h.tooLong(a.Value.String())
	case slog.KindGroup:
		for _, m := range a.Value.Group() {
			if h.attrTooLong(m) {
				return true
			}
		}
	}
	return false
}

func (h *cutHandler) cutAttr(a slog.Attr) slog.Attr {
	switch a.Value.Kind() {
	case slog.KindString:
		if s := a.Value.String(); h.tooLong(s) {
			a.Value = slog.StringValue(cutRunes(s, h.max))
		}
	case slog.KindGroup:
		members := a.Value.Group()
		cut := make([]slog.Attr, len(members))
		for i, m := range members {
			cut[i] = h.cutAttr(m)
		}
		a.Value = slog.GroupValue(cut...)
	}
	return a
}

// cutRunes returns s cut to max runes, the last one being CutMark, or s
// itself when it fits.
func cutRunes(s string, max int) string {
	if len(s) <= max {
		return s // at most max bytes, so at most max runes
	}
	n := 0
	for i := range s {
		if n == max-1 {
			if utf8.RuneCountInString(s[i:]) <= 1 {
				return s
			}
			return s[:i] + CutMark
		}
		n++
	}
	return s
}
