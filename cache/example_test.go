package cache_test

import (
	"fmt"
	"time"

	"github.com/lee-engine/lee/cache"
)

func Example() {
	c, err := cache.New(cache.Settings{MaxEntries: 2, DefaultTTL: time.Minute})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer c.Close()

	_ = c.Set("light.kitchen", "on", 0)
	_ = c.Set("light.hall", "off", 0)
	_ = c.Set("lock.front", "locked", 0) // full: the oldest insertion goes

	_, kitchen := c.Get("light.kitchen")
	hall, _ := c.Get("light.hall")
	s := c.Stats()
	fmt.Println(kitchen, hall, s.Hits, s.Misses, s.Evictions, s.Entries)
	// Output: false off 1 1 1 2
}

func ExampleCache_Set_invalidKey() {
	c, _ := cache.New(cache.Settings{})
	err := c.Set("", "v", 0)
	fmt.Println(err)
	// Output: cache set: invalid cache key: key is empty
}

func ExampleNew_janitor() {
	c, err := cache.New(cache.Settings{CleanupInterval: time.Minute})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer c.Close() // stops the cleanup goroutine
	fmt.Println(c.Stats().MaxEntries)
	// Output: 1024
}
