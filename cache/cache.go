package cache

import (
	"container/list"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	gocache "github.com/patrickmn/go-cache"
)

// Cache is a TTL key/value cache holding at most a fixed number of entries.
// Values live in a go-cache store, read under its read lock only, so Get
// never waits for a writer's bookkeeping; writers are serialised by a mutex
// that also guards the insertion order used to pick an entry to evict. A
// Cache is safe for concurrent use.
type Cache struct {
	store *gocache.Cache
	now   func() time.Time
	ttl   time.Duration
	max   int

	hits, misses, evictions, expirations atomic.Uint64

	mu       sync.Mutex
	order    list.List                // of *entry, oldest insertion first
	index    map[string]*list.Element // key → its element in order
	earliest time.Time                // no entry expires before this; zero when empty

	janitor *janitor
}

// entry is one stored value. It is never changed after it is stored, so Get
// can read it without a lock; Set replaces the whole entry.
type entry struct {
	key     string
	value   any
	expires time.Time
}

// New returns a Cache configured by s, or an error when a field of s is
// negative. When s.CleanupInterval is positive the cache starts a goroutine;
// call Close to stop it.
func New(s Settings) (*Cache, error) {
	return newCache(s, nil)
}

// newCache builds a Cache; swept, when not nil, is told how many entries
// each janitor pass removed, so tests can wait for a pass instead of sleeping.
func newCache(s Settings, swept func(removed int)) (*Cache, error) {
	s, err := s.withDefaults()
	if err != nil {
		return nil, fmt.Errorf("cache new: %w", err)
	}
	c := &Cache{
		store: gocache.New(gocache.NoExpiration, 0),
		now:   s.Now,
		ttl:   s.DefaultTTL,
		max:   s.MaxEntries,
		index: make(map[string]*list.Element),
	}
	if s.CleanupInterval > 0 {
		c.janitor = startJanitor(s.CleanupInterval, func() {
			n := c.RemoveExpired()
			if swept != nil {
				swept(n)
			}
		})
	}
	return c, nil
}

// Get returns the value stored under key. An expired entry is a miss even
// before it is removed. Every call counts as a hit or a miss, and a hit
// allocates nothing.
func (c *Cache) Get(key string) (any, bool) {
	if e, ok := c.live(key); ok {
		c.hits.Add(1)
		return e.value, true
	}
	c.misses.Add(1)
	return nil, false
}

// Exists reports whether key holds an unexpired value, without counting a
// hit or a miss.
func (c *Cache) Exists(key string) bool {
	_, ok := c.live(key)
	return ok
}

// live returns the unexpired entry stored under key.
func (c *Cache) live(key string) (*entry, bool) {
	x, found := c.store.Get(key)
	if !found {
		return nil, false
	}
	e, ok := x.(*entry)
	if !ok || !c.now().Before(e.expires) {
		return nil, false
	}
	return e, true
}

// Set stores v under key for ttl, or for the default TTL when ttl is zero.
// Setting an existing key replaces it and counts as a new insertion. When the
// cache is full it first removes expired entries and, if none had expired,
// evicts the oldest insertion.
func (c *Cache) Set(key string, v any, ttl time.Duration) error {
	if err := checkKey("set", key); err != nil {
		return err
	}
	if ttl < 0 {
		return fmt.Errorf("cache set: %w: %v is negative", ErrInvalidTTL, ttl)
	}
	if ttl == 0 {
		ttl = c.ttl
	}
	now := c.now()
	e := &entry{key: key, value: v, expires: now.Add(ttl)}

	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.index[key]; ok {
		c.order.Remove(old)
	} else if len(c.index) >= c.max {
		c.makeRoom(now)
	}
	c.index[key] = c.order.PushBack(e)
	if c.earliest.IsZero() || e.expires.Before(c.earliest) {
		c.earliest = e.expires
	}
	c.store.Set(key, e, gocache.NoExpiration)
	return nil
}

// Delete removes key. Deleting a key that is not there is not an error.
func (c *Cache) Delete(key string) error {
	if err := checkKey("delete", key); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.index[key]; ok {
		c.unlink(el)
	}
	return nil
}

// Clear removes every entry. Hit, miss and eviction counts are kept.
func (c *Cache) Clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.store.Flush()
	c.order.Init()
	clear(c.index)
	c.earliest = time.Time{}
}

// Close stops the cleanup goroutine, if one runs, and waits for it to end.
// It is safe to call more than once. The cache stays usable: expired entries
// are then removed only when room is needed or by RemoveExpired.
func (c *Cache) Close() {
	if c.janitor != nil {
		c.janitor.halt()
	}
}
