package cache

import (
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestJanitorRemovesExpiredEntries(t *testing.T) {
	clock := newFakeClock()
	swept := make(chan int, 1)
	c, err := newCache(Settings{MaxEntries: 8, CleanupInterval: time.Millisecond, Now: clock.Now}, func(n int) {
		select {
		case swept <- n:
		default:
		}
	})
	if err != nil {
		t.Fatalf("newCache: %v", err)
	}
	defer c.Close()
	mustSet(t, c, "short", 1, time.Second)
	mustSet(t, c, "long", 2, time.Hour)
	clock.Advance(time.Second)

	for n := range swept {
		if n > 0 {
			break
		}
	}
	c.mu.Lock()
	_, stillIndexed := c.index["short"]
	c.mu.Unlock()
	if stillIndexed || !c.Exists("long") {
		t.Fatal("the janitor did not remove exactly the expired entry")
	}
	if s := c.Stats(); s.Expirations != 1 || s.Entries != 1 {
		t.Fatalf("stats %+v, want 1 expiration and 1 entry", s)
	}
	checkConsistent(t, c)
}

func TestCloseStopsJanitor(t *testing.T) {
	before := goleak.IgnoreCurrent()
	c, err := New(Settings{CleanupInterval: time.Millisecond})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(c.Close)
	}
	wg.Wait()
	c.Close()
	if err := goleak.Find(before); err != nil {
		t.Fatalf("janitor still running after Close: %v", err)
	}
}
