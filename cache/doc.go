// Package cache is LEE's cache module: a bounded TTL key/value cache built on github.com/patrickmn/go-cache.
package cache
