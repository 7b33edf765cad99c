package utility

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// Lookup returns the JSON value found at a dotted path in raw, such as
// "directive.header.name" or "event.payload.endpoints.0.endpointId". A path
// segment selects an object member by name; on an array, a segment of decimal
// digits selects the element at that index. The empty path selects the whole
// document.
//
// The document is validated once with json.Valid and then walked in place:
// nothing is decoded into maps and sibling values are skipped without being
// copied, so reading a few fields of a large Discovery response is cheap.
// The returned value is a sub-slice of raw (it shares its memory) with the
// surrounding whitespace removed.
//
// Lookup reports false when raw is not valid JSON, when a segment names a
// member or index that does not exist, or when a segment steps into a string,
// number, boolean or null. When an object repeats a member name, the last one
// wins, as it does for encoding/json and for Home Assistant's Python decoder.
// Member names containing a dot cannot be addressed.
func Lookup(raw []byte, path string) (json.RawMessage, bool) {
	if !json.Valid(raw) {
		return nil, false
	}
	v := bytes.Trim(raw, jsonSpace)
	if path == "" {
		return json.RawMessage(v), true
	}
	rest := path
	for {
		seg, tail, more := strings.Cut(rest, ".")
		var ok bool
		switch v[0] {
		case '{':
			v, ok = member(v, seg)
		case '[':
			v, ok = element(v, seg)
		}
		if !ok {
			return nil, false
		}
		if !more {
			return json.RawMessage(v), true
		}
		rest = tail
	}
}

// LookupString returns the string found at path (see Lookup), unescaped. It
// reports false when the path is missing or the value there is not a JSON
// string (null included).
func LookupString(raw []byte, path string) (string, bool) {
	v, ok := Lookup(raw, path)
	if !ok || v[0] != '"' {
		return "", false
	}
	inner := v[1 : len(v)-1]
	if bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
		return string(inner), true
	}
	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		return "", false
	}
	return s, true
}
