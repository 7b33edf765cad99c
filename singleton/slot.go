package singleton

import (
	"errors"
	"sync"
	"sync/atomic"
	"time"
)

// ErrNothingBuilt is returned when a build function returns neither a value
// nor an error, which would otherwise look like "not built yet" forever.
var ErrNothingBuilt = errors.New("singleton: build returned no value")

// Slot holds one process-lifetime instance, built on its first use. The
// build runs once even when many goroutines ask at the same moment: the
// first runs it, the others wait and share its result. A build that fails
// (or panics) is not remembered, so the next Get tries again: a file or a
// parameter that appears after a first failed attempt is then picked up.
// That is why a Slot does not use sync.OnceValue, which keeps a failure for
// the life of the process. Once built, Get is a single atomic load. The
// zero Slot is empty and ready to use; a Slot must not be copied.
type Slot[T any] struct {
	mu    sync.Mutex
	value atomic.Pointer[T]
	took  atomic.Int64  // construction time in nanoseconds, once built
	fails atomic.Uint32 // builds that returned an error
}

// Get returns the instance, building it with build when the Slot is empty.
func (s *Slot[T]) Get(build func() (*T, error)) (*T, error) {
	if v := s.value.Load(); v != nil {
		return v, nil
	}
	return s.slow(build)
}

// slow builds the instance under the Slot's lock; callers that lost the
// race wait for the winner and then find its instance.
func (s *Slot[T]) slow(build func() (*T, error)) (*T, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if v := s.value.Load(); v != nil {
		return v, nil
	}
	start := time.Now()
	v, err := build()
	if err == nil && v == nil {
		err = ErrNothingBuilt
	}
	if err != nil {
		s.fails.Add(1)
		return nil, err
	}
	s.took.Store(int64(time.Since(start)))
	s.value.Store(v)
	return v, nil
}

// Loaded returns the instance when it has been built, nil otherwise; it
// never builds, so diagnostics and end-of-invocation work stay cheap.
func (s *Slot[T]) Loaded() *T { return s.value.Load() }

// SlotStats describes a Slot for diagnostics.
type SlotStats struct {
	// Built tells whether the instance exists.
	Built bool
	// Took is how long the successful build ran; 0 until built.
	Took time.Duration
	// Failures counts the builds that returned an error.
	Failures uint32
}

// Stats reports whether the instance is built, how long that took and how
// many builds failed before.
func (s *Slot[T]) Stats() SlotStats {
	return SlotStats{Built: s.value.Load() != nil, Took: time.Duration(s.took.Load()), Failures: s.fails.Load()}
}
