package cache

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestNewRejectsNegativeSettings(t *testing.T) {
	tests := []struct {
		name  string
		s     Settings
		field string
	}{
		{"max entries", Settings{MaxEntries: -1}, "MaxEntries"},
		{"default ttl", Settings{DefaultTTL: -time.Second}, "DefaultTTL"},
		{"cleanup interval", Settings{CleanupInterval: -time.Millisecond}, "CleanupInterval"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := New(tt.s)
			if err == nil {
				c.Close()
				t.Fatal("New accepted a negative setting")
			}
			if !errors.Is(err, errSettings) || !strings.Contains(err.Error(), tt.field) {
				t.Fatalf("error %q does not name %s", err, tt.field)
			}
		})
	}
}

func TestNewDefaults(t *testing.T) {
	clock := newFakeClock()
	c, err := New(Settings{Now: clock.Now})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	defer c.Close()
	if got := c.Stats().MaxEntries; got != DefaultMaxEntries {
		t.Fatalf("MaxEntries = %d, want %d", got, DefaultMaxEntries)
	}
	if c.janitor != nil {
		t.Fatal("a janitor runs although CleanupInterval is zero")
	}
	if err := c.Set("k", 1, 0); err != nil {
		t.Fatalf("Set: %v", err)
	}
	clock.Advance(DefaultTTL - time.Nanosecond)
	if !c.Exists("k") {
		t.Fatal("entry expired before the default TTL")
	}
	clock.Advance(time.Nanosecond)
	if c.Exists("k") {
		t.Fatal("entry outlived the default TTL")
	}
}
