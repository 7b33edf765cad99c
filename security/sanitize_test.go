package security

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"pgregory.net/rapid"
)

func TestSanitizeForLog(t *testing.T) {
	tests := []struct {
		name string
		in   string
		max  int
		want string
	}{
		{name: "plain", in: "kitchen light", max: 100, want: "kitchen light"},
		{name: "unicode kept", in: "Küche 💡 灯", max: 100, want: "Küche 💡 灯"},
		{name: "replacement char kept", in: "a\uFFFDb", max: 100, want: "a\uFFFDb"},
		{name: "backslash kept", in: `a\nb`, max: 100, want: `a\nb`},
		{name: "newline", in: "a\nb", max: 100, want: `a\nb`},
		{name: "log forging", in: "ok\r\nlevel=error msg=forged", max: 100, want: `ok\r\nlevel=error msg=forged`},
		{name: "tab", in: "a\tb", max: 100, want: `a\tb`},
		{name: "NUL and ESC", in: "\x00\x1b[31m", max: 100, want: `\u0000\u001b[31m`},
		{name: "DEL", in: "a\x7f", max: 100, want: `a\u007f`},
		{name: "C1 NEL", in: "a\u0085b", max: 100, want: `a\u0085b`},
		{name: "line separator", in: "a\u2028b\u2029", max: 100, want: `a\u2028b\u2029`},
		{name: "bidi override", in: "a\u202eb\u2066", max: 100, want: `a\u202eb\u2066`},
		{name: "invalid UTF-8", in: "a\xffb\xc3", max: 100, want: `a\xffb\xc3`},
		{name: "fits exactly", in: "abcde", max: 5, want: "abcde"},
		{name: "truncated", in: "abcdef", max: 5, want: "abcd…"},
		{name: "truncated multibyte", in: "äöüäöü", max: 4, want: "äöü…"},
		{name: "max one", in: "abc", max: 1, want: "…"},
		{name: "escape not split", in: "abc\n", max: 4, want: "abc…"},
		{name: "escape fits exactly", in: "ab\n", max: 4, want: `ab\n`},
		{name: "long escape not split", in: "ab\x00cd", max: 6, want: "ab…"},
		{name: "zero means default", in: strings.Repeat("x", DefaultLogRunes+1), max: 0,
			want: strings.Repeat("x", DefaultLogRunes-1) + "…"},
		{name: "empty", in: "", max: 3, want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SanitizeForLog(tt.in, tt.max); got != tt.want {
				t.Fatalf("SanitizeForLog(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
			}
		})
	}
}

func TestSanitizeForLogDoesNotAllocateOnSafeInput(t *testing.T) {
	in := "Turn on the kitchen light"
	allocs := testing.AllocsPerRun(100, func() { _ = SanitizeForLog(in, 100) })
	if allocs != 0 {
		t.Fatalf("SanitizeForLog allocated %v times on safe input", allocs)
	}
}

// checkSanitized asserts the properties every SanitizeForLog result has.
func checkSanitized(t interface{ Fatalf(string, ...any) }, in, out string, max int) {
	if !utf8.ValidString(out) {
		t.Fatalf("output %q of %q is not valid UTF-8", out, in)
	}
	if n := utf8.RuneCountInString(out); n > max {
		t.Fatalf("output %q has %d runes, limit %d", out, n, max)
	}
	for _, r := range out {
		if unicode.IsControl(r) || r == 0x2028 || r == 0x2029 || (r >= 0x202a && r <= 0x202e) {
			t.Fatalf("output %q of %q contains control %U", out, in, r)
		}
	}
}

func TestSanitizeForLogProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := rapid.OneOf(
			rapid.String(),
			rapid.StringOf(rapid.RuneFrom(nil, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp, unicode.L)),
			rapid.Map(rapid.SliceOf(rapid.Byte()), func(b []byte) string { return string(b) }),
		).Draw(t, "in")
		max := rapid.IntRange(1, 64).Draw(t, "max")
		out := SanitizeForLog(in, max)
		checkSanitized(t, in, out, max)
		if utf8.RuneCountInString(in) <= max && isLogSafe(in, max) && out != in {
			t.Fatalf("safe input %q changed to %q", in, out)
		}
		full := SanitizeForLog(in, 1<<20)
		if out != full {
			kept, marked := strings.CutSuffix(out, ellipsis)
			if !marked || !strings.HasPrefix(full, kept) {
				t.Fatalf("truncated output %q is not a marked prefix of %q", out, full)
			}
		}
	})
}
