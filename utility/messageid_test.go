package utility

import (
	"encoding/hex"
	"strings"
	"testing"
)

func TestNewMessageIDShape(t *testing.T) {
	for i := 0; i < 200; i++ {
		id := NewMessageID()
		if len(id) != 36 {
			t.Fatalf("id %q has length %d, want 36", id, len(id))
		}
		for _, pos := range []int{8, 13, 18, 23} {
			if id[pos] != '-' {
				t.Fatalf("id %q: byte %d is %q, want '-'", id, pos, id[pos])
			}
		}
		if id != strings.ToLower(id) {
			t.Fatalf("id %q is not lowercase", id)
		}
		raw, err := hex.DecodeString(strings.ReplaceAll(id, "-", ""))
		if err != nil {
			t.Fatalf("id %q is not hex: %v", id, err)
		}
		if v := raw[6] >> 4; v != 4 {
			t.Fatalf("id %q: version %d, want 4", id, v)
		}
		if v := raw[8] >> 6; v != 0b10 {
			t.Fatalf("id %q: variant bits %02b, want 10", id, v)
		}
	}
}

func TestNewMessageIDUnique(t *testing.T) {
	const n = 20000
	seen := make(map[string]struct{}, n)
	for i := 0; i < n; i++ {
		id := NewMessageID()
		if _, dup := seen[id]; dup {
			t.Fatalf("duplicate id %q after %d ids", id, i)
		}
		seen[id] = struct{}{}
	}
}

func BenchmarkNewMessageID(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = NewMessageID()
	}
}
