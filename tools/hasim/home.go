package hasim

import (
	"maps"
	"reflect"
	"sync"
	"time"
)

// entity is one simulated device: its public state and what a light
// remembers while it is off (Home Assistant's demo lights restore their last
// brightness and colour when turned back on).
type entity struct {
	st      State
	restore map[string]any
}

func (e *entity) copy() *entity {
	return &entity{st: e.st.clone(), restore: maps.Clone(e.restore)}
}

// home is the simulated Home Assistant's state machine: entities in
// creation order, changed only through services, as in Home Assistant.
type home struct {
	mu       sync.Mutex
	now      func() time.Time
	order    []string
	entities map[string]*entity
}

func newHome(now func() time.Time) *home {
	h := &home{now: now}
	h.reset()
	return h
}

// reset puts every entity back to the demo home's initial state.
func (h *home) reset() {
	h.mu.Lock()
	defer h.mu.Unlock()
	t := h.now()
	h.order = h.order[:0]
	h.entities = make(map[string]*entity)
	for _, d := range demoEntities() {
		d.st.LastChanged, d.st.LastUpdated = t, t
		d.st.ContextID = newContextID(t)
		h.order = append(h.order, d.st.EntityID)
		h.entities[d.st.EntityID] = d
	}
}

// get returns a copy of one entity's state.
func (h *home) get(id string) (State, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	e, ok := h.entities[id]
	if !ok {
		return State{}, false
	}
	return e.st.clone(), true
}

// all returns copies of every state in creation order.
func (h *home) all() []State {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make([]State, 0, len(h.order))
	for _, id := range h.order {
		out = append(out, h.entities[id].st.clone())
	}
	return out
}

// call runs a service as Home Assistant's service registry does and returns
// the states it changed (an entity whose state and attributes did not change
// is not listed). Either every target is changed or none is.
func (h *home) call(domain, service string, data map[string]any) ([]State, error) {
	spec, err := lookupService(domain, service)
	if err != nil {
		return nil, err
	}
	if err := checkKeys(spec.keys, data); err != nil {
		return nil, err
	}
	ids, all, err := targetIDs(data["entity_id"])
	if err != nil {
		return nil, err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	now := h.now()
	targets := h.targets(domain, ids, all)
	staged := make([]*entity, len(targets))
	for i, e := range targets {
		next := e.copy()
		if err := spec.apply(now, next, data); err != nil {
			return nil, err
		}
		staged[i] = next
	}
	ctx := newContextID(now)
	var changed []State
	for i, next := range staged {
		prev := targets[i].st
		if prev.State == next.st.State && reflect.DeepEqual(prev.Attributes, next.st.Attributes) {
			h.entities[prev.EntityID].restore = next.restore
			continue
		}
		if prev.State != next.st.State {
			next.st.LastChanged = now
		}
		next.st.LastUpdated = now
		next.st.ContextID = ctx
		h.entities[prev.EntityID] = next
		changed = append(changed, next.st.clone())
	}
	return changed, nil
}

// targets resolves entity ids to the existing entities of domain; Home
// Assistant silently skips ids that do not exist or belong to another
// domain.
func (h *home) targets(domain string, ids []string, all bool) []*entity {
	var out []*entity
	if all {
		for _, id := range h.order {
			if e := h.entities[id]; e.st.Domain() == domain {
				out = append(out, e)
			}
		}
		return out
	}
	for _, id := range ids {
		if e, ok := h.entities[id]; ok && e.st.Domain() == domain {
			out = append(out, e)
		}
	}
	return out
}
