package cache

import (
	"container/list"
	"time"
)

// RemoveExpired removes every expired entry now and reports how many it
// removed. The cleanup goroutine calls it; without one, a caller may call it
// at a quiet moment to free memory early.
func (c *Cache) RemoveExpired() int {
	now := c.now()
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.removeExpired(now)
}

// makeRoom frees one place for a new key in a full cache: expired entries
// go first, and only when none has expired is the oldest insertion evicted.
// The caller holds c.mu.
func (c *Cache) makeRoom(now time.Time) {
	if !c.earliest.IsZero() && !now.Before(c.earliest) && c.removeExpired(now) > 0 {
		return
	}
	if oldest := c.order.Front(); oldest != nil {
		c.unlink(oldest)
		c.evictions.Add(1)
	}
}

// removeExpired unlinks every entry expired at now and recomputes the
// earliest expiry of those left. The caller holds c.mu.
func (c *Cache) removeExpired(now time.Time) int {
	removed := 0
	var earliest time.Time
	for el := c.order.Front(); el != nil; {
		next := el.Next()
		e := el.Value.(*entry)
		if !now.Before(e.expires) {
			c.unlink(el)
			removed++
		} else if earliest.IsZero() || e.expires.Before(earliest) {
			earliest = e.expires
		}
		el = next
	}
	c.earliest = earliest
	c.expirations.Add(uint64(removed))
	return removed
}

// unlink removes the entry held by el from the order, the index and the
// store. The caller holds c.mu.
func (c *Cache) unlink(el *list.Element) {
	e := c.order.Remove(el).(*entry)
	delete(c.index, e.key)
	c.store.Delete(e.key)
}
