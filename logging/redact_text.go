package logging

import "strings"

// Redacted is the text written in place of a secret.
const Redacted = "[REDACTED]"

// redactText returns s with every registered secret, every JSON Web Token and
// every bearer token replaced by Redacted, and whether anything was replaced.
// It allocates only when it replaces something, so clean lines cost a scan.
func redactText(s string, secrets *secretSet) (string, bool) {
	out, changed := s, false
	if secrets != nil {
		for _, v := range secrets.values {
			if strings.Contains(out, v) {
				out = strings.ReplaceAll(out, v, Redacted)
				changed = true
			}
		}
	}
	if start, end := findJWT(out, 0); start >= 0 {
		out = replaceAll(out, start, end, findJWT)
		changed = true
	}
	if start, end := findBearer(out, 0); start >= 0 {
		out = replaceAll(out, start, end, findBearer)
		changed = true
	}
	return out, changed
}

// finder locates the next match in s at or after from, returning -1, -1 when
// there is none.
type finder func(s string, from int) (start, end int)

// replaceAll replaces the match [start, end) and every later match of find
// with Redacted.
func replaceAll(s string, start, end int, find finder) string {
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for start >= 0 {
		b.WriteString(s[last:start])
		b.WriteString(Redacted)
		last = end
		start, end = find(s, end)
	}
	b.WriteString(s[last:])
	return b.String()
}

// findJWT finds a JSON Web Token: a base64url header starting "eyJ" (the
// encoding of `{"`), a non-empty payload and a possibly empty signature,
// joined by dots. Home Assistant's access and long-lived tokens have this
// shape. The match is greedy so no tail of the token survives.
func findJWT(s string, from int) (start, end int) {
	for from < len(s) {
		i := strings.Index(s[from:], "eyJ")
		if i < 0 {
			return -1, -1
		}
		i += from
		e, next := jwtEnd(s, i)
		if e >= 0 {
			return i, e
		}
		from = next
	}
	return -1, -1
}

// jwtEnd returns the end of the token that starts at i, or -1 and the index
// from which to search again when the text at i is not token-shaped. Any
// "eyJ" inside the header run that failed would fail the same way, so the
// search resumes after that run, keeping the scan linear.
func jwtEnd(s string, i int) (end, next int) {
	j := skip(s, i+3, isBase64URL)
	if j >= len(s) || s[j] != '.' {
		return -1, j + 1
	}
	k := skip(s, j+1, isBase64URL)
	if k == j+1 || k >= len(s) || s[k] != '.' {
		return -1, j + 1
	}
	return skip(s, k+1, isBase64URL), 0
}

// findBearer finds the credential of an HTTP bearer scheme ("Bearer <token>",
// any case, RFC 6750 token characters). Only the credential is matched so
// the line still says a bearer token was there.
func findBearer(s string, from int) (start, end int) {
	const word = "bearer"
	for i := from; i+len(word) < len(s); i++ {
		if s[i]|0x20 != 'b' || !equalFoldASCII(s[i:i+len(word)], word) {
			continue
		}
		j := i + len(word)
		k := skip(s, j, isBlank)
		if k == j {
			continue
		}
		if e := skip(s, k, isBearerChar); e > k {
			return k, e
		}
	}
	return -1, -1
}

// skip returns the first index at or after i whose byte does not satisfy ok.
func skip(s string, i int, ok func(byte) bool) int {
	for i < len(s) && ok(s[i]) {
		i++
	}
	return i
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' }

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isBase64URL(c byte) bool { return isAlnum(c) || c == '-' || c == '_' }

func isBearerChar(c byte) bool {
	return isBase64URL(c) || c == '.' || c == '~' || c == '+' || c == '/' || c == '='
}

// equalFoldASCII reports whether s equals lower, a lower-case ASCII word,
// ignoring ASCII case. Unicode folding is deliberately not applied: it would
// let non-ASCII look-alikes match with different byte lengths.
func equalFoldASCII(s, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// containsFoldASCII reports whether s contains lower, a lower-case ASCII word,
// ignoring ASCII case, without allocating.
func containsFoldASCII(s, lower string) bool {
	for i := 0; i+len(lower) <= len(s); i++ {
		if equalFoldASCII(s[i:i+len(lower)], lower) {
			return true
		}
	}
	return false
}
