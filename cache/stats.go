package cache

// Stats is a point-in-time view of a Cache's counters.
type Stats struct {
	// Hits and Misses count Get calls that found, or did not find, an
	// unexpired value.
	Hits, Misses uint64
	// Evictions counts unexpired entries dropped to make room for new keys.
	Evictions uint64
	// Expirations counts expired entries removed, by the cleanup goroutine,
	// by RemoveExpired or to make room.
	Expirations uint64
	// Entries is the number of entries held, expired ones not yet removed
	// included; it never exceeds MaxEntries.
	Entries int
	// MaxEntries is the configured bound.
	MaxEntries int
}

// Stats returns the cache's counters and size.
func (c *Cache) Stats() Stats {
	c.mu.Lock()
	entries := len(c.index)
	c.mu.Unlock()
	return Stats{
		Hits:        c.hits.Load(),
		Misses:      c.misses.Load(),
		Evictions:   c.evictions.Load(),
		Expirations: c.expirations.Load(),
		Entries:     entries,
		MaxEntries:  c.max,
	}
}
