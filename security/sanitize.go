package security

import (
	"strings"
	"unicode/utf8"
)

// DefaultLogRunes is the length SanitizeForLog truncates to when it is
// given a limit of zero or less.
const DefaultLogRunes = 1024

// ellipsis marks a value SanitizeForLog shortened; it counts as one rune.
const ellipsis = "…"

const hexDigits = "0123456789abcdef"

// SanitizeForLog makes an untrusted string safe to put in one log line.
// Characters that could end a line, rewrite a terminal or reorder text
// are replaced by visible escapes: \n, \r and \t by those two-character
// escapes, other C0 controls, DEL, C1 controls, U+2028, U+2029 and the
// bidirectional formatting characters by \uXXXX, and each byte of
// invalid UTF-8 by \xNN. Backslashes in the input are kept as they are.
//
// The result is at most max runes long, escapes included; when the input
// does not fit it is cut at a rune or escape boundary and ends with "…".
// A max of zero or less means DefaultLogRunes. A string that needs no
// change is returned as it is, without allocating.
func SanitizeForLog(s string, max int) string {
	if max <= 0 {
		max = DefaultLogRunes
	}
	if isLogSafe(s, max) {
		return s
	}
	var b strings.Builder
	b.Grow(min(len(s), 4*max) + len(ellipsis))
	written, cut := 0, 0
	var piece [6]byte
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		var p []byte
		switch {
		case r == utf8.RuneError && size == 1:
			p = append(piece[:0], '\\', 'x', hexDigits[s[i]>>4], hexDigits[s[i]&0xf])
		case needsEscape(r):
			p = escapeRune(piece[:0], r)
		default:
			p = append(piece[:0], s[i:i+size]...)
		}
		width := utf8.RuneCount(p)
		if written+width > max {
			return b.String()[:cut] + ellipsis
		}
		b.Write(p)
		written += width
		if written <= max-1 {
			cut = b.Len()
		}
		i += size
	}
	return b.String()
}

// isLogSafe reports whether s has nothing to escape and fits in max runes.
func isLogSafe(s string, max int) bool {
	n := 0
	for _, r := range s {
		n++
		if n > max || r == utf8.RuneError || needsEscape(r) {
			return false
		}
	}
	return true
}

// needsEscape reports whether r must not appear raw in a log line.
// utf8.RuneError is only decoded as such from invalid input, handled by
// the caller; a literal U+FFFD in valid input passes through.
func needsEscape(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r == 0x2028, r == 0x2029:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

func escapeRune(dst []byte, r rune) []byte {
	switch r {
	case '\n':
		return append(dst, '\\', 'n')
	case '\r':
		return append(dst, '\\', 'r')
	case '\t':
		return append(dst, '\\', 't')
	}
	return append(dst, '\\', 'u',
		hexDigits[r>>12&0xf], hexDigits[r>>8&0xf], hexDigits[r>>4&0xf], hexDigits[r&0xf])
}
