package security

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzValidateEvent(f *testing.F) {
	for _, seed := range []string{
		directiveJSON, `{}`, `[]`, `null`, ``, `{"a":`, `{"a":"\"[["}`, `{}{}`,
		"{\"a\":\"\xff\"}", `{"a":` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + `}`,
	} {
		f.Add([]byte(seed), 0)
	}
	f.Add([]byte(`{"a":{"b":{}}}`), 2)
	f.Fuzz(func(t *testing.T, raw []byte, maxDepth int) {
		lim := Limits{MaxBytes: 4096, MaxDepth: maxDepth % 64}
		err := ValidateEvent(raw, lim)
		if err != nil {
			var ve *ValidationError
			if !errors.As(err, &ve) || ve.Field != "event" {
				t.Fatalf("error %v is not an event *ValidationError", err)
			}
			if !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrTooDeep) && !errors.Is(err, ErrNotJSON) {
				t.Fatalf("error %v wraps no event sentinel", err)
			}
			return
		}
		if len(raw) > lim.MaxBytes || !utf8.Valid(raw) || !strings.HasPrefix(strings.TrimLeft(string(raw), " \t\r\n"), "{") {
			t.Fatalf("accepted %q: too large, not UTF-8 or not opening an object", raw)
		}
		// Whatever passes and is well-formed JSON is an object.
		var object map[string]any
		if json.Valid(raw) && (json.Unmarshal(raw, &object) != nil || object == nil) {
			t.Fatalf("accepted %q, valid JSON that is not an object", raw)
		}
	})
}

func FuzzSanitize(f *testing.F) {
	for _, seed := range []string{
		"", "kitchen light", "a\nb\r\tc", "\x00\x1b[31m\x7f", "\u0085\u2028\u202e", "\xff\xc3", "äöü💡", "…",
	} {
		f.Add(seed, 8)
	}
	f.Fuzz(func(t *testing.T, in string, max int) {
		max = max%200 + 1
		if max < 1 {
			max += 200
		}
		out := SanitizeForLog(in, max)
		checkSanitized(t, in, out, max)
	})
}
