package lambdaiface

import (
	"bytes"
	"encoding/json"
)

// The functions below walk JSON that json.Valid has already accepted, to
// reach one member of a large document without decoding, or even
// re-scanning with encoding/json, the members before it. Strings are
// skipped with bytes.IndexByte, so a multi-MB Discovery answer costs little
// beyond the validity check. Every index is still bounds-checked, so a
// caller that skips the validity check gets "not found", never a panic.

// objectMember returns the raw value of the first member named key of the
// JSON object b, compared exactly (encoding/json would also accept other
// letter cases; Alexa does not).
func objectMember(b []byte, key string) ([]byte, bool) {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return nil, false
	}
	i++
	for {
		i = skipSpace(b, i)
		if i >= len(b) || b[i] != '"' {
			return nil, false
		}
		keyEnd := stringEnd(b, i)
		name := b[i:keyEnd]
		i = skipSpace(b, keyEnd)
		if i >= len(b) || b[i] != ':' {
			return nil, false
		}
		i = skipSpace(b, i+1)
		valEnd := valueEnd(b, i)
		if valEnd <= i {
			return nil, false
		}
		if keyEquals(name, key) {
			return b[i:valEnd], true
		}
		i = skipSpace(b, valEnd)
		if i >= len(b) || b[i] != ',' {
			return nil, false
		}
		i++
	}
}

// skipSpace returns the index of the first byte at or after i that is not
// JSON white space.
func skipSpace(b []byte, i int) int {
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// stringEnd returns the index just past the string that opens at b[i]. A
// quote ends the string unless an odd number of backslashes precede it.
func stringEnd(b []byte, i int) int {
	j := i + 1
	for j < len(b) {
		k := bytes.IndexByte(b[j:], '"')
		if k < 0 {
			return len(b)
		}
		j += k
		slashes := 0
		for p := j - 1; p > i && b[p] == '\\'; p-- {
			slashes++
		}
		if slashes%2 == 0 {
			return j + 1
		}
		j++
	}
	return len(b)
}

// valueEnd returns the index just past the value that starts at b[i].
func valueEnd(b []byte, i int) int {
	if i >= len(b) {
		return i
	}
	switch b[i] {
	case '"':
		return stringEnd(b, i)
	case '{', '[':
		return compositeEnd(b, i)
	}
	j := i
	for j < len(b) {
		switch b[j] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return j
		}
		j++
	}
	return j
}

// compositeEnd returns the index just past the object or array that opens
// at b[i], skipping strings whole so brackets inside them do not count.
func compositeEnd(b []byte, i int) int {
	depth := 0
	for j := i; j < len(b); j++ {
		switch b[j] {
		case '"':
			j = stringEnd(b, j) - 1
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return j + 1
			}
		}
	}
	return len(b)
}

// keyEquals reports whether the quoted member name raw spells key. Plain
// ASCII names are compared as they are; names with escapes or other bytes
// are decoded first, as encoding/json would.
func keyEquals(raw []byte, key string) bool {
	if len(raw) < 2 {
		return false
	}
	inner := raw[1 : len(raw)-1]
	if plainASCII(inner) {
		return string(inner) == key
	}
	var s string
	return json.Unmarshal(raw, &s) == nil && s == key
}

// plainASCII reports whether b holds only ASCII bytes and no escapes.
func plainASCII(b []byte) bool {
	for _, c := range b {
		if c == '\\' || c >= 0x80 {
			return false
		}
	}
	return true
}
