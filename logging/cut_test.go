package logging

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"
	"unicode/utf8"

	"pgregory.net/rapid"
)

// TestMaxValueRunesCutsAfterRedaction: a secret that straddles the cut is
// redacted whole before the value is cut, so no prefix of it is written.
func TestMaxValueRunesCutsAfterRedaction(t *testing.T) {
	const secret = "FALLBACKTOKEN-abcdefghijklmnop"
	const limit = 64
	var buf bytes.Buffer
	l := New(Settings{Writer: &buf, Secrets: []string{secret}, MaxValueRunes: limit})
	l.StartInvocation("req-1")
	filler := strings.Repeat("x", limit-10)
	l.Warn(context.Background(), filler+secret, slog.String("reason", filler+secret), slog.Int("n", 3))
	out := buf.String()
	if strings.Contains(out, "FALLBACK") {
		t.Fatalf("a prefix of the secret was written: %s", out)
	}
	var line map[string]any
	if err := json.Unmarshal(buf.Bytes(), &line); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"msg", "reason"} {
		v, _ := line[key].(string)
		if utf8.RuneCountInString(v) > limit {
			t.Errorf("%s has %d runes, want at most %d", key, utf8.RuneCountInString(v), limit)
		}
	}
	if line["n"] != 3.0 {
		t.Errorf("a non-string value changed: %v", line["n"])
	}
}

func TestCutRunes(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"eleven runes", 10, "eleven ru" + CutMark},
		{strings.Repeat("é", 12), 10, strings.Repeat("é", 9) + CutMark},
		{strings.Repeat("é", 10), 10, strings.Repeat("é", 10)},
	}
	for _, tt := range tests {
		if got := cutRunes(tt.in, tt.max); got != tt.want {
			t.Errorf("cutRunes(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
}

// TestCutRunesProperty: the cut value is never longer than the cap, and is
// either the input or a prefix of it followed by CutMark.
func TestCutRunesProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.String().Draw(t, "s")
		max := rapid.IntRange(-2, 40).Draw(t, "max")
		got := cutRunes(s, max)
		if max <= 0 || utf8.RuneCountInString(s) <= max {
			if got != s {
				t.Fatalf("cutRunes(%q, %d) = %q; want it unchanged", s, max, got)
			}
			return
		}
		if utf8.RuneCountInString(got) != max || !strings.HasSuffix(got, CutMark) ||
			!strings.HasPrefix(s, strings.TrimSuffix(got, CutMark)) {
			t.Fatalf("cutRunes(%q, %d) = %q; want %d runes: a prefix and %s", s, max, got, max, CutMark)
		}
	})
}
