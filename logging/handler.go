package logging

import (
	"context"
	"log/slog"
)

// lineHandler is the slog.Handler behind Logger.Slog. It does not pass
// WithAttrs and WithGroup down to the JSON handler: it keeps them and folds
// them into each record, so that the invocation ids stay at the top level
// under any group and the attributes are redacted with the secrets of the
// invocation in which the line is written, not of the one in which they were
// bound.
type lineHandler struct {
	l     *Logger
	bound []bound
}

// bound is one WithGroup (group set) or WithAttrs (attrs set) call.
type bound struct {
	group string
	attrs []slog.Attr
}

// Enabled reports whether level reaches the Logger's level.
func (h *lineHandler) Enabled(_ context.Context, level slog.Level) bool {
	return level >= h.l.level
}

// Handle writes r with the invocation ids and the bound attributes and
// groups, subject to the line cap and redaction.
func (h *lineHandler) Handle(ctx context.Context, r slog.Record) error {
	inv := invocationFrom(ctx)
	out := newRecord(inv, r.Time, r.Level, r.Message, r.PC)
	if len(h.bound) == 0 {
		r.Attrs(func(a slog.Attr) bool {
			out.AddAttrs(a)
			return true
		})
	} else {
		out.AddAttrs(h.fold(r)...)
	}
	return h.l.emit(ctx, inv, out)
}

// fold nests the record's attributes inside the bound groups, innermost
// last, with the attributes bound at each level in front.
func (h *lineHandler) fold(r slog.Record) []slog.Attr {
	attrs := make([]slog.Attr, 0, r.NumAttrs())
	r.Attrs(func(a slog.Attr) bool {
		attrs = append(attrs, a)
		return true
	})
	for i := len(h.bound) - 1; i >= 0; i-- {
		b := h.bound[i]
		if b.group != "" {
			attrs = []slog.Attr{{Key: b.group, Value: slog.GroupValue(attrs...)}}
			continue
		}
		merged := make([]slog.Attr, 0, len(b.attrs)+len(attrs))
		merged = append(merged, b.attrs...)
		attrs = append(merged, attrs...)
	}
	return attrs
}

// WithAttrs returns a handler that adds attrs to every record.
func (h *lineHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	if len(attrs) == 0 {
		return h
	}
	return h.with(bound{attrs: append([]slog.Attr(nil), attrs...)})
}

// WithGroup returns a handler that nests later attributes under name.
func (h *lineHandler) WithGroup(name string) slog.Handler {
	if name == "" {
		return h
	}
	return h.with(bound{group: name})
}

func (h *lineHandler) with(b bound) *lineHandler {
	next := make([]bound, 0, len(h.bound)+1)
	next = append(next, h.bound...)
	return &lineHandler{l: h.l, bound: append(next, b)}
}
