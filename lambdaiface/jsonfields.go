package lambdaiface

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// The functions below read a few members of an object the way
// encoding/json decodes them into a struct, but from the member scanner's
// spans, so that the hot path (a device directive, Home Assistant's
// answer) decodes nothing it does not keep. Each one says when it cannot
// be sure to agree with encoding/json; its caller then uses encoding/json
// itself, which also gives the precise error.

// readFields stores in out[i] the span of the member of the object at
// doc[at:] that encoding/json would decode into a struct field named
// names[i]; a field with no member keeps the zero span. It reports false
// when it cannot be sure to agree with encoding/json: doc[at:] is not an
// object, a member name has an escape or a non-ASCII byte (encoding/json
// would decode it and fold Unicode letter case), or two members select the
// same field (encoding/json would merge or override them).
func readFields(doc []byte, at int, names []string, out []span) bool {
	w, ok := walkObject(doc, at)
	if !ok {
		return false
	}
	for {
		name, value, more := w.next()
		if !more {
			return true
		}
		i, sure := fieldIndex(doc[name.start+1:name.end-1], names)
		switch {
		case !sure:
			return false
		case i < 0:
			continue
		case out[i].found():
			return false
		}
		out[i] = value
	}
}

// fieldIndex returns the index in names of the field the member name
// inner (without its quotes) selects, matching ASCII letters in either
// case as encoding/json does, or -1 for none. sure is false for a name
// with an escape or a non-ASCII byte.
func fieldIndex(inner []byte, names []string) (i int, sure bool) {
	if !plainASCII(inner) {
		return -1, false
	}
	for i, name := range names {
		if asciiEqualFold(inner, name) {
			return i, true
		}
	}
	return -1, true
}

// asciiEqualFold reports whether the ASCII texts a and b are equal when
// letter case is ignored.
func asciiEqualFold(a []byte, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range len(a) {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// isObjectAt reports whether the value at s is an object.
func isObjectAt(doc []byte, s span) bool {
	return s.found() && doc[s.start] == '{'
}

// absentOrNull reports whether a member is missing or JSON null, which
// encoding/json treats alike for a pointer, map or string field.
func absentOrNull(doc []byte, s span) bool {
	return !s.found() || doc[s.start] == 'n'
}

// plainText reports whether the inside of a JSON string is its decoded
// text: no escape and valid UTF-8 (encoding/json replaces invalid bytes).
func plainText(inner []byte) bool {
	return bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner)
}

// stringBytes returns the text a member value gives a string field: the
// string's own bytes when they are its text, nil for null or an absent
// member. ok is false for any other JSON type, which encoding/json refuses
// for a string field. Only a string with escapes or invalid UTF-8 is
// decoded, and so allocates.
func stringBytes(doc []byte, v span) (text []byte, ok bool) {
	if absentOrNull(doc, v) {
		return nil, true
	}
	if doc[v.start] != '"' {
		return nil, false
	}
	inner := doc[v.start+1 : v.end-1]
	if plainText(inner) {
		return inner, true
	}
	s, ok := decodeString(doc[v.start:v.end])
	return []byte(s), ok
}

// decodeString decodes one JSON string with encoding/json.
func decodeString(raw []byte) (string, bool) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", false
	}
	return s, true
}

// textCopy is one copy of up to two parts of a document, from which every
// plain string read from those parts is cut, so that the strings of a
// directive's header and endpoint cost a single allocation. The strings
// share that copy, never the document, which the caller may reuse.
type textCopy struct {
	doc  []byte
	text string
	a, b span // doc[a] is text[:len(a)], doc[b] follows it
}

// copyText copies doc[a] and doc[b] (b may be the zero span).
func copyText(doc []byte, a, b span) textCopy {
	var sb strings.Builder
	sb.Grow(a.end - a.start + b.end - b.start)
	sb.Write(doc[a.start:a.end])
	sb.Write(doc[b.start:b.end])
	return textCopy{doc: doc, text: sb.String(), a: a, b: b}
}

// cut returns doc[s] as a string: a slice of the copy when s lies in one
// of its parts, else a fresh string.
func (t *textCopy) cut(s span) string {
	switch {
	case s.start >= t.a.start && s.end <= t.a.end:
		off := s.start - t.a.start
		return t.text[off : off+s.end-s.start]
	case s.start >= t.b.start && s.end <= t.b.end:
		off := t.a.end - t.a.start + s.start - t.b.start
		return t.text[off : off+s.end-s.start]
	}
	return string(t.doc[s.start:s.end])
}

// str returns what a member value gives a string field, as stringBytes
// does, with plain strings cut from the copy.
func (t *textCopy) str(v span) (string, bool) {
	if absentOrNull(t.doc, v) {
		return "", true
	}
	if t.doc[v.start] != '"' {
		return "", false
	}
	inner := span{v.start + 1, v.end - 1}
	if !inner.found() {
		return "", true
	}
	if plainText(t.doc[inner.start:inner.end]) {
		return t.cut(inner), true
	}
	return decodeString(t.doc[v.start:v.end])
}
