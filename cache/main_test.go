package cache

import (
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// fakeClock is a clock tests move by hand; it is safe for concurrent use.
type fakeClock struct{ nanos atomic.Int64 }

func newFakeClock() *fakeClock {
	c := &fakeClock{}
	c.nanos.Store(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).UnixNano())
	return c
}

func (c *fakeClock) Now() time.Time          { return time.Unix(0, c.nanos.Load()) }
func (c *fakeClock) Advance(d time.Duration) { c.nanos.Add(int64(d)) }

// fataler is what checkConsistent needs from *testing.T and *rapid.T.
type fataler interface {
	Helper()
	Fatalf(format string, args ...any)
}

// checkConsistent fails when the store, the index and the insertion order
// disagree about what the cache holds, or when the bound is exceeded.
func checkConsistent(t fataler, c *Cache) {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	stored, indexed, ordered := c.store.ItemCount(), len(c.index), c.order.Len()
	if stored != indexed || indexed != ordered {
		t.Fatalf("store holds %d, index %d, order %d entries", stored, indexed, ordered)
	}
	if indexed > c.max {
		t.Fatalf("cache holds %d entries, bound is %d", indexed, c.max)
	}
}
