package lambdaiface

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestObjectMember checks the member walk on the shapes that could trip
// it: escapes, brackets inside strings, nesting, spacing and look-alikes.
func TestObjectMember(t *testing.T) {
	tests := []struct {
		name, body, key, want string
		found                 bool
	}{
		{"first", `{"event":{"a":1},"x":2}`, "event", `{"a":1}`, true},
		{"after a big sibling", `{"payload":{"s":"}]\"{[","n":[1,[2,{"x":"\\"}]]},"event":7}`, "event", `7`, true},
		{"spacing", " \n{ \"a\" :\t\"v\" , \"event\" : [ 1 , 2 ] }\n", "event", `[ 1 , 2 ]`, true},
		{"escaped quote at end of string", `{"a":"x\\","event":true}`, "event", `true`, true},
		{"escaped key", `{"ev\u0065nt":null}`, "event", `null`, true},
		{"first of duplicates", `{"event":1,"event":2}`, "event", `1`, true},
		{"non-ASCII key", `{"évent":0,"event":1}`, "évent", `0`, true},
		{"other case", `{"Event":1}`, "event", ``, false},
		{"nested only", `{"a":{"event":1}}`, "event", ``, false},
		{"key as a value", `{"a":"event"}`, "event", ``, false},
		{"empty object", `{}`, "event", ``, false},
		{"not an object", `["event",1]`, "event", ``, false},
		{"truncated", `{"a":"x`, "event", ``, false},
		{"empty", ``, "event", ``, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, found := objectMember([]byte(tt.body), tt.key)
			if found != tt.found || string(got) != tt.want {
				t.Errorf("objectMember = %q, %v; want %q, %v", got, found, tt.want, tt.found)
			}
		})
	}
}

// referenceMember finds the first member named key of the object b with
// encoding/json's tokenizer, which is slow but trusted.
func referenceMember(b []byte, key string) ([]byte, bool) {
	dec := json.NewDecoder(bytes.NewReader(b))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, false
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, false
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, false
		}
		if tok == key {
			return raw, true
		}
	}
	return nil, false
}

// FuzzObjectMember checks the fast walk against encoding/json on valid
// input, and that it never panics on invalid input.
func FuzzObjectMember(f *testing.F) {
	for _, s := range []string{`{"event":{"header":{}}}`, `{"a":"\"}","event":[{"x":"]"}]}`, `{"ev\u0065nt":1}`, `{"a":1e5,"event":-0.5}`, `[1]`, `{"a":`} {
		f.Add([]byte(s), "event")
	}
	f.Fuzz(func(t *testing.T, body []byte, key string) {
		got, found := objectMember(body, key)
		if !json.Valid(body) {
			return
		}
		want, wantFound := referenceMember(body, key)
		if found != wantFound || !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(want)) {
			t.Fatalf("objectMember(%q, %q) = %q, %v; encoding/json finds %q, %v", body, key, got, found, want, wantFound)
		}
	})
}
