package cache

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

func TestConcurrentUse(t *testing.T) {
	clock := newFakeClock()
	c, err := New(Settings{MaxEntries: 32, CleanupInterval: time.Millisecond, Now: clock.Now})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	defer c.Close()

	keys := make([]string, 64)
	for i := range keys {
		keys[i] = fmt.Sprintf("key-%d", i)
	}
	const workers, ops = 16, 400
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range ops {
				k := keys[(w*7+i*13)%len(keys)]
				switch i % 8 {
				case 0, 1, 2:
					if err := c.Set(k, i, time.Duration(1+i%5)*time.Second); err != nil {
						t.Errorf("Set: %v", err)
						return
					}
				case 3, 4:
					if v, ok := c.Get(k); ok {
						if _, isInt := v.(int); !isInt {
							t.Errorf("Get(%q) returned %T", k, v)
							return
						}
					}
				case 5:
					_ = c.Delete(k)
				case 6:
					clock.Advance(time.Second)
					c.Exists(k)
				default:
					if s := c.Stats(); s.Entries > s.MaxEntries {
						t.Errorf("%d entries held, bound is %d", s.Entries, s.MaxEntries)
						return
					}
				}
			}
		})
	}
	wg.Wait()
	checkConsistent(t, c)
	s := c.Stats()
	if got := s.Hits + s.Misses; got != workers*ops*2/8 {
		t.Fatalf("hits+misses = %d, want one per Get (%d)", got, workers*ops*2/8)
	}
}
