// Package cache is LEE's cache module: a TTL key/value cache that holds at
// most a fixed number of entries, built on github.com/patrickmn/go-cache,
// which stores the values but has no bound of its own. When the cache is
// full, expired entries are removed first and only then the oldest
// insertion is evicted. Get on a hit takes go-cache's read lock only and
// allocates nothing, so it can sit on the hot path of every Alexa directive.
//
// Expiry is decided by a clock the caller may replace (Settings.Now), so
// tests move time by hand. An optional cleanup goroutine removes expired
// entries at an interval; unlike go-cache's own janitor, which only a
// finalizer can stop, it ends when Close returns. In a Lambda sandbox that is
// frozen between invocations the default, no goroutine, is usually best:
// expired entries are then removed whenever room is needed.
//
// Keys are non-empty strings of at most MaxKeyLen bytes. Errors never quote
// a key, since keys may be derived from tokens.
package cache
