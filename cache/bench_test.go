package cache

import (
	"fmt"
	"testing"
	"time"
)

// TestGetHitDoesNotAllocate guards the hot path that BenchmarkGet measures.
func TestGetHitDoesNotAllocate(t *testing.T) {
	c, _ := newTestCache(t, 8)
	mustSet(t, c, "token", "value", time.Hour)
	allocs := testing.AllocsPerRun(200, func() {
		if _, ok := c.Get("token"); !ok {
			t.Fatal("Get missed")
		}
	})
	if allocs != 0 {
		t.Fatalf("Get on a hit allocated %.1f times, want 0", allocs)
	}
}

func BenchmarkGet(b *testing.B) {
	c, err := New(Settings{})
	if err != nil {
		b.Fatalf("New: %v", err)
	}
	if err := c.Set("directive-token", "value", time.Hour); err != nil {
		b.Fatalf("Set: %v", err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := c.Get("directive-token"); !ok {
			b.Fatal("Get missed")
		}
	}
}

func BenchmarkGetParallel(b *testing.B) {
	c, err := New(Settings{})
	if err != nil {
		b.Fatalf("New: %v", err)
	}
	if err := c.Set("directive-token", "value", time.Hour); err != nil {
		b.Fatalf("Set: %v", err)
	}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			c.Get("directive-token")
		}
	})
}

func BenchmarkSetFull(b *testing.B) {
	c, err := New(Settings{MaxEntries: 1024})
	if err != nil {
		b.Fatalf("New: %v", err)
	}
	keys := make([]string, 4096)
	for i := range keys {
		keys[i] = fmt.Sprintf("key-%d", i)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if err := c.Set(keys[i%len(keys)], i, 0); err != nil {
			b.Fatalf("Set: %v", err)
		}
		i++
	}
}
