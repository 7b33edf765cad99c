package logging

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"
	"time"
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
	ctx := l.Begin(context.Background(), "req-1")
	filler := strings.Repeat("x", limit-10)
	l.Warn(ctx, filler+secret, slog.String("reason", filler+secret), slog.Int("n", 3))
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

// lastRecord keeps the record it was last given.
type lastRecord struct{ r slog.Record }

func (l *lastRecord) Enabled(context.Context, slog.Level) bool { return true }
func (l *lastRecord) Handle(_ context.Context, r slog.Record) error {
	l.r = r
	return nil
}
func (l *lastRecord) WithAttrs([]slog.Attr) slog.Handler { return l }
func (l *lastRecord) WithGroup(string) slog.Handler      { return l }

// TestCutHandler: a record with nothing too long passes without allocating;
// a long string is cut at any depth, other values are left alone.
func TestCutHandler(t *testing.T) {
	next := &lastRecord{}
	h := &cutHandler{next: next, max: 8}
	ctx := context.Background()
	short := slog.NewRecord(time.Now(), slog.LevelInfo, "relayed", 0)
	short.AddAttrs(slog.String("ns", "Alexa"), slog.Int("status", 200), slog.Group("ep", slog.String("id", "light#1")))
	if allocs := testing.AllocsPerRun(100, func() { _ = h.Handle(ctx, short) }); allocs != 0 {
		t.Fatalf("a record with nothing to cut cost %v allocations, want 0", allocs)
	}
	long := slog.NewRecord(time.Now(), slog.LevelInfo, "a message far too long", 0)
	long.AddAttrs(slog.Int("status", 200), slog.Group("ep", slog.String("id", "an id far too long")))
	if err := h.Handle(ctx, long); err != nil {
		t.Fatal(err)
	}
	if got := next.r.Message; got != "a messa"+CutMark {
		t.Errorf("message %q, want it cut to 8 runes", got)
	}
	var id string
	var status int64
	next.r.Attrs(func(a slog.Attr) bool {
		switch a.Key {
		case "status":
			status = a.Value.Int64()
		case "ep":
			id = a.Value.Group()[0].Value.String()
		}
		return true
	})
	if id != "an id f"+CutMark || status != 200 {
		t.Errorf("group id %q, status %d; want the id cut and the status kept", id, status)
	}
}
