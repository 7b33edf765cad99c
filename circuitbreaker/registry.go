package circuitbreaker

import "sync"

// Registry holds named breakers that share one set of default Settings,
// so each service gets its own breaker without wiring them by hand. It is
// safe for concurrent use.
type Registry struct {
	defaults Settings

	mu       sync.RWMutex
	breakers map[string]*Breaker
}

// NewRegistry returns an empty registry whose breakers are created from
// defaults, with Name set to the name they are asked for.
func NewRegistry(defaults Settings) *Registry {
	return &Registry{defaults: defaults, breakers: make(map[string]*Breaker)}
}

// Get returns the breaker called name, creating it on first use. Every
// caller asking for the same name gets the same breaker.
func (r *Registry) Get(name string) *Breaker {
	r.mu.RLock()
	b, ok := r.breakers[name]
	r.mu.RUnlock()
	if ok {
		return b
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if b, ok := r.breakers[name]; ok {
		return b
	}
	s := r.defaults
	s.Name = name
	b = New(s)
	r.breakers[name] = b
	return b
}

// States returns the current state of every breaker created so far, keyed
// by name. The map is a fresh copy the caller may keep.
func (r *Registry) States() map[string]State {
	r.mu.RLock()
	list := make([]*Breaker, 0, len(r.breakers))
	for _, b := range r.breakers {
		list = append(list, b)
	}
	r.mu.RUnlock()
	states := make(map[string]State, len(list))
	for _, b := range list {
		states[b.Name()] = b.State()
	}
	return states
}
