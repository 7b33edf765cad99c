package cache

import (
	"fmt"
	"testing"
	"time"
)

func TestEvictsOldestInsertionWhenNothingExpired(t *testing.T) {
	c, _ := newTestCache(t, 3)
	for _, k := range []string{"a", "b", "c"} {
		mustSet(t, c, k, k, time.Hour)
	}
	c.Get("a") // reading does not refresh: eviction is by insertion, not use
	mustSet(t, c, "d", "d", time.Hour)
	assertHeld(t, c, map[string]bool{"a": false, "b": true, "c": true, "d": true})

	mustSet(t, c, "b", "b2", time.Hour) // an overwrite counts as a new insertion
	mustSet(t, c, "e", "e", time.Hour)
	assertHeld(t, c, map[string]bool{"b": true, "c": false, "d": true, "e": true})

	if s := c.Stats(); s.Evictions != 2 || s.Expirations != 0 || s.Entries != 3 {
		t.Fatalf("stats %+v, want 2 evictions, 0 expirations, 3 entries", s)
	}
}

func TestRemovesExpiredBeforeEvicting(t *testing.T) {
	c, clock := newTestCache(t, 4)
	mustSet(t, c, "old-live", 1, time.Hour)
	mustSet(t, c, "short-1", 2, time.Second)
	mustSet(t, c, "live", 3, time.Hour)
	mustSet(t, c, "short-2", 4, time.Second)
	clock.Advance(time.Second)

	mustSet(t, c, "new", 5, time.Hour)
	assertHeld(t, c, map[string]bool{"old-live": true, "live": true, "new": true, "short-1": false, "short-2": false})
	if s := c.Stats(); s.Evictions != 0 || s.Expirations != 2 || s.Entries != 3 {
		t.Fatalf("stats %+v, want 0 evictions, 2 expirations, 3 entries", s)
	}
	checkConsistent(t, c)
}

func TestRemoveExpired(t *testing.T) {
	c, clock := newTestCache(t, 10)
	for i := range 6 {
		mustSet(t, c, fmt.Sprint(i), i, time.Duration(i+1)*time.Second)
	}
	clock.Advance(3 * time.Second)
	if n := c.RemoveExpired(); n != 3 {
		t.Fatalf("RemoveExpired removed %d, want 3", n)
	}
	if n := c.RemoveExpired(); n != 0 {
		t.Fatalf("second RemoveExpired removed %d, want 0", n)
	}
	assertHeld(t, c, map[string]bool{"2": false, "3": true, "5": true})
	if s := c.Stats(); s.Expirations != 3 || s.Entries != 3 {
		t.Fatalf("stats %+v, want 3 expirations and 3 entries", s)
	}
	checkConsistent(t, c)
}

func assertHeld(t *testing.T, c *Cache, want map[string]bool) {
	t.Helper()
	for k, held := range want {
		if c.Exists(k) != held {
			t.Errorf("Exists(%q) = %v, want %v", k, !held, held)
		}
	}
}
