package security

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
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
		var object map[string]any
		if jsonErr := json.Unmarshal(raw, &object); jsonErr != nil || object == nil {
			t.Fatalf("accepted %q, which does not decode to an object: %v", raw, jsonErr)
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
