package utility

import (
	"encoding/json"
	"unicode/utf8"
)

// The helpers in this file walk JSON that json.Valid has already accepted, so
// they only need to find where values start and end; they still check bounds
// so that no input can make them index past the end of a slice.

// jsonSpace lists the four whitespace bytes JSON allows between tokens.
const jsonSpace = " \t\r\n"

// skipSpace returns the index of the first non-whitespace byte at or after i.
func skipSpace(b []byte, i int) int {
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\r', '\n':
			i++
		default:
			return i
		}
	}
	return i
}

// skipString returns the index just past the string that opens at b[i].
func skipString(b []byte, i int) int {
	for i++; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return len(b)
}

// skipValue returns the index just past the value that starts at b[i].
func skipValue(b []byte, i int) int {
	if i >= len(b) {
		return len(b)
	}
	switch b[i] {
	case '"':
		return skipString(b, i)
	case '{', '[':
		return skipComposite(b, i)
	}
	for i < len(b) {
		switch b[i] {
		case ',', '}', ']', ' ', '\t', '\r', '\n':
			return i
		}
		i++
	}
	return i
}

// skipComposite returns the index just past the object or array that opens
// at b[i], stepping over strings so brackets inside them are not counted.
func skipComposite(b []byte, i int) int {
	depth := 0
	for i < len(b) {
		switch b[i] {
		case '"':
			i = skipString(b, i)
			continue
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
		i++
	}
	return len(b)
}

// member returns the value of the last member of obj named key.
func member(obj []byte, key string) ([]byte, bool) {
	var found []byte
	ok := false
	i := skipSpace(obj, 1)
	for i < len(obj) && obj[i] == '"' {
		end := skipString(obj, i)
		match := keyEquals(obj[i:end], key)
		i = skipSpace(obj, end)
		if i >= len(obj) || obj[i] != ':' {
			return nil, false
		}
		i = skipSpace(obj, i+1)
		end = skipValue(obj, i)
		if match {
			found, ok = obj[i:end], true
		}
		i = skipSpace(obj, end)
		if i >= len(obj) || obj[i] != ',' {
			break
		}
		i = skipSpace(obj, i+1)
	}
	return found, ok
}

// keyEquals reports whether the quoted member name raw decodes to key. Plain
// ASCII names, the usual case, are compared without allocating; names with
// escapes or other bytes are decoded the way encoding/json decodes them.
func keyEquals(raw []byte, key string) bool {
	if len(raw) < 2 {
		return false
	}
	inner := raw[1 : len(raw)-1]
	plain := true
	for _, c := range inner {
		if c == '\\' || c >= utf8.RuneSelf {
			plain = false
			break
		}
	}
	if plain {
		return string(inner) == key
	}
	var name string
	if err := json.Unmarshal(raw, &name); err != nil {
		return false
	}
	return name == key
}

// element returns the array element of arr whose index is written in seg.
func element(arr []byte, seg string) ([]byte, bool) {
	index, ok := parseIndex(seg, len(arr))
	if !ok {
		return nil, false
	}
	i := skipSpace(arr, 1)
	if i >= len(arr) || arr[i] == ']' {
		return nil, false
	}
	for n := 0; ; n++ {
		end := skipValue(arr, i)
		if n == index {
			return arr[i:end], true
		}
		i = skipSpace(arr, end)
		if i >= len(arr) || arr[i] != ',' {
			return nil, false
		}
		i = skipSpace(arr, i+1)
	}
}

// parseIndex reads seg as a non-negative decimal index. An index of limit or
// more cannot exist in an array of limit bytes, which also keeps the
// arithmetic from overflowing.
func parseIndex(seg string, limit int) (int, bool) {
	if seg == "" {
		return 0, false
	}
	n := 0
	for i := 0; i < len(seg); i++ {
		c := seg[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
		if n >= limit {
			return 0, false
		}
	}
	return n, true
}
