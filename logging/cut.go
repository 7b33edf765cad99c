package logging

import (
	"log/slog"
	"unicode/utf8"
)

// CutMark ends a value cut to Settings.MaxValueRunes.
const CutMark = "…"

// cutStrings is the JSON handler's ReplaceAttr for Settings.MaxValueRunes:
// it runs after the redacting handler, on the message and on every string
// value, so a cut can never split a secret.
func cutStrings(max int) func([]string, slog.Attr) slog.Attr {
	return func(_ []string, a slog.Attr) slog.Attr {
		if a.Value.Kind() != slog.KindString {
			return a
		}
		s := a.Value.String()
		if cut := cutRunes(s, max); len(cut) != len(s) {
			a.Value = slog.StringValue(cut)
		}
		return a
	}
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
