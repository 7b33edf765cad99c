package cache

import (
	"errors"
	"testing"
	"time"
)

// newTestCache returns a cache without janitor on a fake clock.
func newTestCache(t *testing.T, max int) (*Cache, *fakeClock) {
	t.Helper()
	clock := newFakeClock()
	c, err := New(Settings{MaxEntries: max, DefaultTTL: time.Minute, Now: clock.Now})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(c.Close)
	return c, clock
}

func mustSet(t *testing.T, c *Cache, key string, v any, ttl time.Duration) {
	t.Helper()
	if err := c.Set(key, v, ttl); err != nil {
		t.Fatalf("Set(%q): %v", key, err)
	}
}

func TestGetCountsHitsAndMisses(t *testing.T) {
	c, clock := newTestCache(t, 8)
	mustSet(t, c, "a", "alpha", time.Second)

	steps := []struct {
		name    string
		advance time.Duration
		key     string
		want    any
		hit     bool
	}{
		{"hit", 0, "a", "alpha", true},
		{"unknown key", 0, "b", nil, false},
		{"just before expiry", time.Second - time.Nanosecond, "a", "alpha", true},
		{"at expiry", time.Nanosecond, "a", nil, false},
		{"empty key", 0, "", nil, false},
	}
	for _, st := range steps {
		clock.Advance(st.advance)
		got, ok := c.Get(st.key)
		if ok != st.hit || got != st.want {
			t.Fatalf("%s: Get(%q) = %v, %v; want %v, %v", st.name, st.key, got, ok, st.want, st.hit)
		}
	}
	s := c.Stats()
	if s.Hits != 2 || s.Misses != 3 {
		t.Fatalf("Hits=%d Misses=%d, want 2 and 3", s.Hits, s.Misses)
	}
	if s.Entries != 1 {
		t.Fatalf("Entries=%d, want 1: an expired entry stays until removed", s.Entries)
	}
}

func TestSetOverwrites(t *testing.T) {
	c, clock := newTestCache(t, 8)
	mustSet(t, c, "k", 1, time.Second)
	mustSet(t, c, "k", 2, time.Hour)
	clock.Advance(time.Minute)
	if got, ok := c.Get("k"); !ok || got != 2 {
		t.Fatalf("Get = %v, %v; want the second value with the second TTL", got, ok)
	}
	if n := c.Stats().Entries; n != 1 {
		t.Fatalf("Entries = %d after overwriting, want 1", n)
	}
	checkConsistent(t, c)
}

func TestSetRejectsNegativeTTL(t *testing.T) {
	c, _ := newTestCache(t, 8)
	err := c.Set("k", 1, -time.Second)
	if !errors.Is(err, ErrInvalidTTL) {
		t.Fatalf("Set with a negative TTL returned %v, want ErrInvalidTTL", err)
	}
	if c.Exists("k") {
		t.Fatal("a rejected Set stored its value")
	}
}

func TestStoresNilAndTypedValues(t *testing.T) {
	c, _ := newTestCache(t, 8)
	tests := []struct {
		key string
		v   any
	}{
		{"nil", nil},
		{"bytes", []byte("raw")},
		{"struct", struct{ N int }{7}},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			mustSet(t, c, tt.key, tt.v, 0)
			got, ok := c.Get(tt.key)
			if !ok {
				t.Fatalf("Get(%q) missed", tt.key)
			}
			if b, isBytes := tt.v.([]byte); isBytes {
				if string(got.([]byte)) != string(b) {
					t.Fatalf("Get(%q) = %v", tt.key, got)
				}
				return
			}
			if got != tt.v {
				t.Fatalf("Get(%q) = %v, want %v", tt.key, got, tt.v)
			}
		})
	}
}

func TestDeleteExistsClear(t *testing.T) {
	c, _ := newTestCache(t, 8)
	mustSet(t, c, "a", 1, 0)
	mustSet(t, c, "b", 2, 0)

	if err := c.Delete("a"); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if err := c.Delete("a"); err != nil {
		t.Fatalf("second Delete: %v", err)
	}
	if c.Exists("a") || !c.Exists("b") {
		t.Fatalf("Exists(a)=%v Exists(b)=%v, want false and true", c.Exists("a"), c.Exists("b"))
	}
	checkConsistent(t, c)

	c.Clear()
	if c.Exists("b") || c.Stats().Entries != 0 {
		t.Fatal("Clear left an entry behind")
	}
	checkConsistent(t, c)
	if s := c.Stats(); s.Hits != 0 || s.Misses != 0 {
		t.Fatalf("Exists counted hits or misses: %+v", s)
	}
	mustSet(t, c, "c", 3, 0)
	if !c.Exists("c") {
		t.Fatal("cache unusable after Clear")
	}
}

func TestCloseWithoutJanitor(t *testing.T) {
	c, _ := newTestCache(t, 2)
	c.Close()
	c.Close()
	mustSet(t, c, "k", 1, 0)
	if !c.Exists("k") {
		t.Fatal("cache unusable after Close")
	}
}
