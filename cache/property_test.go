package cache

import (
	"fmt"
	"testing"
	"time"

	"pgregory.net/rapid"
)

// model is a plain reference implementation of the eviction policy: entries
// by key with an insertion sequence number and an expiry on a fake clock.
type model struct {
	max                    int
	now                    time.Duration
	seq                    int
	entries                map[string]modelEntry
	evictions, expirations uint64
}

type modelEntry struct {
	seq     int
	expires time.Duration
}

func (m *model) set(key string, ttl time.Duration) {
	if _, ok := m.entries[key]; !ok && len(m.entries) >= m.max {
		if m.removeExpired() == 0 {
			oldest := ""
			for k, e := range m.entries {
				if oldest == "" || e.seq < m.entries[oldest].seq {
					oldest = k
				}
			}
			delete(m.entries, oldest)
			m.evictions++
		}
	}
	m.seq++
	m.entries[key] = modelEntry{seq: m.seq, expires: m.now + ttl}
}

func (m *model) removeExpired() int {
	n := 0
	for k, e := range m.entries {
		if m.now >= e.expires {
			delete(m.entries, k)
			n++
		}
	}
	m.expirations += uint64(n)
	return n
}

func (m *model) live(key string) bool {
	e, ok := m.entries[key]
	return ok && m.now < e.expires
}

// TestBoundNeverExceeded runs random sequences of operations with random
// keys and TTLs and checks, after every step, that the bound holds, that the
// store and the bookkeeping agree, and that the cache matches the model.
func TestBoundNeverExceeded(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		max := rapid.IntRange(1, 8).Draw(t, "max")
		clock := newFakeClock()
		start := clock.Now()
		c, err := New(Settings{MaxEntries: max, DefaultTTL: 3 * time.Second, Now: clock.Now})
		if err != nil {
			t.Fatalf("New: %v", err)
		}
		m := &model{max: max, entries: map[string]modelEntry{}}
		keys := make([]string, 12)
		for i := range keys {
			keys[i] = fmt.Sprintf("k%d", i)
		}
		key := rapid.SampledFrom(keys)
		ttl := rapid.SampledFrom([]time.Duration{0, time.Nanosecond, time.Second, 2 * time.Second, time.Hour})

		for range rapid.IntRange(1, 60).Draw(t, "steps") {
			switch op := rapid.IntRange(0, 6).Draw(t, "op"); op {
			case 0, 1, 2:
				k, d := key.Draw(t, "key"), ttl.Draw(t, "ttl")
				if err := c.Set(k, k, d); err != nil {
					t.Fatalf("Set: %v", err)
				}
				if d == 0 {
					d = 3 * time.Second
				}
				m.set(k, d)
			case 3:
				k := key.Draw(t, "key")
				if err := c.Delete(k); err != nil {
					t.Fatalf("Delete: %v", err)
				}
				delete(m.entries, k)
			case 4:
				k := key.Draw(t, "key")
				if v, ok := c.Get(k); ok != m.live(k) || (ok && v != k) {
					t.Fatalf("Get(%q) = %v, %v; model live=%v", k, v, ok, m.live(k))
				}
			case 5:
				d := time.Duration(rapid.IntRange(0, 3).Draw(t, "seconds")) * time.Second
				clock.Advance(d)
				m.now += d
			default:
				if got, want := c.RemoveExpired(), m.removeExpired(); got != want {
					t.Fatalf("RemoveExpired = %d, model %d", got, want)
				}
			}
			checkAgainstModel(t, c, m, keys)
		}
		if clock.Now().Sub(start) != m.now {
			t.Fatal("model clock drifted from the fake clock")
		}
	})
}

func checkAgainstModel(t *rapid.T, c *Cache, m *model, keys []string) {
	checkConsistent(t, c)
	s := c.Stats()
	if s.Entries != len(m.entries) || s.Evictions != m.evictions || s.Expirations != m.expirations {
		t.Fatalf("stats %+v; model holds %d, evicted %d, expired %d",
			s, len(m.entries), m.evictions, m.expirations)
	}
	for _, k := range keys {
		if c.Exists(k) != m.live(k) {
			t.Fatalf("Exists(%q) = %v, model says %v", k, !m.live(k), m.live(k))
		}
	}
}
