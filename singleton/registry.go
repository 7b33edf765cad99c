package singleton

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"sync/atomic"
)

// ErrTypeMismatch is returned, wrapped with both type names, when a name is
// asked for with a type other than the one its value was built with.
var ErrTypeMismatch = errors.New("singleton type mismatch")

// slot holds one named value. mu serialises builds so that concurrent first
// callers wait for a single build; built is set only after a build succeeds,
// so a failed build leaves the slot empty for the next caller to retry.
type slot struct {
	mu    sync.Mutex
	built atomic.Bool
	value any          // a *T, so that nil interface values keep their type
	typ   reflect.Type // T, for the mismatch error
}

// registry is the process-wide table of named values.
var registry = struct {
	sync.RWMutex
	slots map[string]*slot
}{slots: make(map[string]*slot)}

// Get returns the value registered under name, calling build to create it on
// first use. build runs once per name even when many goroutines ask at the
// same time: the others wait for it and share its result. A build that fails
// (or panics) is not remembered, so a later Get tries again; this is why Get
// does not use sync.OnceValue, which would keep the failure forever.
//
// Asking for a name with a type other than the one it was built with returns
// an error wrapping ErrTypeMismatch. The value is shared by the whole
// process, so a T holding mutable state must be safe for concurrent use.
func Get[T any](name string, build func() (T, error)) (T, error) {
	var zero T
	if name == "" {
		return zero, errors.New("singleton get: name is empty")
	}
	s := lookupSlot(name)
	if s.built.Load() {
		return valueOf[T](name, s)
	}
	if build == nil {
		return zero, fmt.Errorf("singleton %q: build function is nil", name)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.built.Load() {
		return valueOf[T](name, s)
	}
	v, err := build()
	if err != nil {
		return zero, fmt.Errorf("singleton %q: build: %w", name, err)
	}
	s.value, s.typ = &v, reflect.TypeFor[T]()
	s.built.Store(true)
	return v, nil
}

// lookupSlot returns the slot for name, creating an empty one if needed.
func lookupSlot(name string) *slot {
	registry.RLock()
	s, ok := registry.slots[name]
	registry.RUnlock()
	if ok {
		return s
	}
	registry.Lock()
	defer registry.Unlock()
	if s, ok = registry.slots[name]; !ok {
		s = &slot{}
		registry.slots[name] = s
	}
	return s
}

// valueOf returns the built value of s as a T.
func valueOf[T any](name string, s *slot) (T, error) {
	if p, ok := s.value.(*T); ok {
		return *p, nil
	}
	var zero T
	return zero, fmt.Errorf("singleton %q: %w: built as %v, asked for %v",
		name, ErrTypeMismatch, s.typ, reflect.TypeFor[T]())
}

// Reset forgets every value, so the next Get of any name builds again. It is
// meant for tests; values are dropped, not closed.
func Reset() {
	registry.Lock()
	defer registry.Unlock()
	registry.slots = make(map[string]*slot)
}

// Names returns, sorted, the names whose value has been built.
func Names() []string {
	registry.RLock()
	defer registry.RUnlock()
	names := make([]string, 0, len(registry.slots))
	for name, s := range registry.slots {
		if s.built.Load() {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}
