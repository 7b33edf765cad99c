package lambdaiface

import (
	"bytes"
	"encoding/json"
)

// The functions below walk JSON that json.Valid has already accepted, to
// reach a few members of a document without decoding, or even re-scanning
// with encoding/json, the members around them. Strings are skipped with
// bytes.IndexByte, so a multi-MB Discovery answer costs little beyond the
// validity check. Every index is still bounds-checked, so a caller that
// skips the validity check gets "not found", never a panic.

// span is where one JSON value, or one quoted member name, sits in the
// document being read: doc[start:end]. The zero span means "absent".
type span struct{ start, end int }

// found reports whether the span holds a value.
func (s span) found() bool { return s.end > s.start }

// memberWalk steps through the members of one JSON object.
type memberWalk struct {
	doc     []byte
	i       int  // the next byte to read
	started bool // a member was read, so a comma must come next
	done    bool
}

// walkObject starts a walk over the object that begins at doc[at], after
// any white space; ok is false when no object begins there.
func walkObject(doc []byte, at int) (w memberWalk, ok bool) {
	i := skipSpace(doc, at)
	if i >= len(doc) || doc[i] != '{' {
		return memberWalk{}, false
	}
	return memberWalk{doc: doc, i: i + 1}, true
}

// next returns the next member's quoted name (with its quotes) and its
// value. ok is false at the end of the object, and where the text stops
// being a well-formed object.
func (w *memberWalk) next() (name, value span, ok bool) {
	if w.done {
		return span{}, span{}, false
	}
	b := w.doc
	i := skipSpace(b, w.i)
	if w.started {
		if i >= len(b) || b[i] != ',' {
			w.done = true
			return span{}, span{}, false
		}
		i = skipSpace(b, i+1)
	}
	if i >= len(b) || b[i] != '"' {
		w.done = true
		return span{}, span{}, false
	}
	nameEnd := stringEnd(b, i)
	colon := skipSpace(b, nameEnd)
	if colon >= len(b) || b[colon] != ':' {
		w.done = true
		return span{}, span{}, false
	}
	valStart := skipSpace(b, colon+1)
	valEnd := valueEnd(b, valStart)
	if valEnd <= valStart {
		w.done = true
		return span{}, span{}, false
	}
	w.i, w.started = valEnd, true
	return span{i, nameEnd}, span{valStart, valEnd}, true
}

// objectMember returns the raw value of the first member named key of the
// JSON object b, compared exactly (encoding/json would also accept other
// letter cases; Alexa does not).
func objectMember(b []byte, key string) ([]byte, bool) {
	w, ok := walkObject(b, 0)
	if !ok {
		return nil, false
	}
	for {
		name, value, ok := w.next()
		if !ok {
			return nil, false
		}
		if keyEquals(b[name.start:name.end], key) {
			return b[value.start:value.end], true
		}
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
