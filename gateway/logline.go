package gateway

import (
	"context"
	"log/slog"
	"unicode/utf8"
)

// correlationIDRunes bounds the correlation id put on every log line: an
// Alexa messageId is 36 runes, anything much longer is not one.
const correlationIDRunes = 128

// cutMark ends a value cut to the tier's cap.
const cutMark = "…"

// write logs one line at level, with the message and the top-level string
// attributes cut to the tier's LogValueRunes, so that one huge value (an HTML
// page quoted in an error, say) cannot dominate a line or its cost.
func (l *logCore) write(ctx context.Context, level slog.Level, msg string, attrs []slog.Attr) {
	if !l.Enabled(level) {
		return
	}
	msg = cutRunes(msg, l.valueCap)
	attrs = capAttrs(attrs, l.valueCap)
	switch {
	case level < slog.LevelInfo:
		l.Debug(ctx, msg, attrs...)
	case level < slog.LevelWarn:
		l.Info(ctx, msg, attrs...)
	case level < slog.LevelError:
		l.Warn(ctx, msg, attrs...)
	default:
		l.Error(ctx, msg, attrs...)
	}
}

// capAttrs returns attrs with every string value longer than max runes cut.
// It copies the slice only when it changes a value, so the caller's
// attributes are never modified and the common case allocates nothing.
func capAttrs(attrs []slog.Attr, max int) []slog.Attr {
	copied := false
	for i, a := range attrs {
		if a.Value.Kind() != slog.KindString {
			continue
		}
		s := a.Value.String()
		cut := cutRunes(s, max)
		if len(cut) == len(s) {
			continue
		}
		if !copied {
			attrs = append([]slog.Attr(nil), attrs...)
			copied = true
		}
		attrs[i] = slog.String(a.Key, cut)
	}
	return attrs
}

// cutRunes returns s cut to max runes, the last one being cutMark, or s
// itself when it fits or max is not positive.
func cutRunes(s string, max int) string {
	if max <= 0 || len(s) <= max {
		return s // at most max bytes, so at most max runes
	}
	n := 0
	for i := range s {
		if n == max-1 {
			if utf8.RuneCountInString(s[i:]) <= 1 {
				return s
			}
			return s[:i] + cutMark
		}
		n++
	}
	return s
}
