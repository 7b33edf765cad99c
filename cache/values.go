package cache

import "sync"

// values is the map Get reads, under a read lock of its own: a reader
// never waits for the writers' bookkeeping (Cache.mu), only for the
// instant a writer takes to change one key. It replaces go-cache, whose
// package links encoding/gob, and gob's initialisation (about 29 kB in
// 440 allocations) ran at every cold start of every program importing the
// cache.
type values struct {
	mu sync.RWMutex
	m  map[string]*entry
}

func (v *values) get(key string) (*entry, bool) {
	v.mu.RLock()
	e, ok := v.m[key]
	v.mu.RUnlock()
	return e, ok
}

func (v *values) set(key string, e *entry) {
	v.mu.Lock()
	v.m[key] = e
	v.mu.Unlock()
}

func (v *values) remove(key string) {
	v.mu.Lock()
	delete(v.m, key)
	v.mu.Unlock()
}

func (v *values) clear() {
	v.mu.Lock()
	clear(v.m)
	v.mu.Unlock()
}
