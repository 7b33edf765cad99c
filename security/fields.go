package security

import (
	"bytes"
	"encoding/json"
	"strings"
)

// RequireFields checks that every dotted path ("directive.header.name")
// leads, through nested JSON objects, to a non-empty string. It returns
// nil when all do, or a *ValidationError naming the first path, in the
// order given, that fails: Field is the shortest prefix of that path
// that is missing (ErrMissingField; null counts as missing) or is not
// what the path needs (ErrBadField: not an object on the way, not a
// string or an empty string at the end). Keys that themselves contain a
// dot cannot be addressed. An empty path or empty segment is ErrBadField.
//
// RequireFields decodes one object level at a time into raw slices,
// which the standard decoder scans without recursion; still, run
// ValidateEvent first so the size and depth of raw are bounded.
func RequireFields(raw []byte, paths ...string) error {
	levels := map[string]map[string]json.RawMessage{}
	root, err := decodeObject(raw)
	if err != nil {
		return invalid("event", ErrNotJSON, "not a JSON object")
	}
	levels[""] = root
	for _, path := range paths {
		if err := requireString(levels, path); err != nil {
			return err
		}
	}
	return nil
}

// requireString walks one path through levels, decoding and remembering
// each object it passes so that paths sharing a prefix decode it once.
func requireString(levels map[string]map[string]json.RawMessage, path string) error {
	segments := strings.Split(path, ".")
	for _, s := range segments {
		if s == "" {
			return invalid(path, ErrBadField, "invalid field path")
		}
	}
	parent := ""
	for i, name := range segments {
		prefix := strings.Join(segments[:i+1], ".")
		value, ok := levels[parent][name]
		if !ok || bytes.Equal(value, []byte("null")) {
			return invalid(prefix, ErrMissingField, "missing")
		}
		if i == len(segments)-1 {
			return checkNonEmptyString(prefix, value)
		}
		if _, seen := levels[prefix]; !seen {
			object, err := decodeObject(value)
			if err != nil {
				return invalid(prefix, ErrBadField, "not an object")
			}
			levels[prefix] = object
		}
		parent = prefix
	}
	return nil
}

func checkNonEmptyString(field string, value json.RawMessage) error {
	var s string
	if len(value) == 0 || value[0] != '"' || json.Unmarshal(value, &s) != nil {
		return invalid(field, ErrBadField, "not a string")
	}
	if s == "" {
		return invalid(field, ErrBadField, "empty")
	}
	return nil
}

// decodeObject decodes one JSON object into its members, leaving their
// values undecoded; a non-object (including null) is an error.
func decodeObject(raw []byte) (map[string]json.RawMessage, error) {
	var object map[string]json.RawMessage
	if err := json.Unmarshal(raw, &object); err != nil {
		return nil, err
	}
	if object == nil {
		return nil, ErrNotJSON
	}
	return object, nil
}
