package gateway

import (
	"errors"
	"sync"
	"sync/atomic"
	"time"
)

// errNothingBuilt guards the slot against a builder that returns neither a
// value nor an error, which would otherwise look like "not built yet" forever.
var errNothingBuilt = errors.New("gateway: construction returned no core")

// slotState is what Stats reads about a lazy slot, whatever its core type.
type slotState struct {
	took     atomic.Int64  // construction duration in nanoseconds, once built
	builds   atomic.Uint32 // successful constructions: 0, then 1 for good
	failures atomic.Uint32 // constructions that returned an error
}

// lazy holds one core that is built on first use, exactly once even when
// many goroutines ask at the same time. Unlike sync.OnceValue it does not
// remember a failure (or a panic): a build that fails leaves the slot empty
// so the next caller tries again, which is what a Lambda needs when a file or
// a parameter appears after the first attempt.
type lazy[T any] struct {
	mu    sync.Mutex
	value atomic.Pointer[T]
	state slotState
}

// get returns the core, building it with build when it does not exist yet.
// Once the core exists this is a single atomic load.
func (l *lazy[T]) get(build func() (*T, error)) (*T, error) {
	if v := l.value.Load(); v != nil {
		return v, nil
	}
	return l.slow(build)
}

// slow builds the core under the slot's lock; callers that lost the race
// wait for the winner and then find its core.
func (l *lazy[T]) slow(build func() (*T, error)) (*T, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if v := l.value.Load(); v != nil {
		return v, nil
	}
	start := time.Now()
	v, err := build()
	if err == nil && v == nil {
		err = errNothingBuilt
	}
	if err != nil {
		l.state.failures.Add(1)
		return nil, err
	}
	l.state.took.Store(int64(time.Since(start)))
	l.state.builds.Add(1)
	l.value.Store(v)
	return v, nil
}

// loaded returns the core when it has been built, nil otherwise; it never
// builds, so diagnostics and end-of-invocation work stay cheap.
func (l *lazy[T]) loaded() *T { return l.value.Load() }

// built reports whether the core exists.
func (l *lazy[T]) built() bool { return l.value.Load() != nil }
