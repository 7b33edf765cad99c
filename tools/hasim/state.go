package hasim

import (
	"encoding/json"
	"maps"
	"strings"
	"time"
)

// State is one entity's state as Home Assistant's REST API reports it
// (GET /api/states/<entity_id>). The Attributes map is a copy, but list
// values in it are shared with the simulator and must not be modified.
type State struct {
	EntityID    string
	State       string
	Attributes  map[string]any
	LastChanged time.Time
	LastUpdated time.Time
	ContextID   string
}

// Domain returns the part of the entity id before the dot ("light").
func (s State) Domain() string {
	d, _, _ := strings.Cut(s.EntityID, ".")
	return d
}

// Name returns the entity's friendly name, or, as Home Assistant does when
// there is none, its object id with underscores turned into spaces.
func (s State) Name() string {
	if n, ok := s.Attributes["friendly_name"].(string); ok && n != "" {
		return n
	}
	_, obj, _ := strings.Cut(s.EntityID, ".")
	return strings.ReplaceAll(obj, "_", " ")
}

// haTimeLayout is how Home Assistant writes times in state objects:
// microseconds and a numeric UTC offset.
const haTimeLayout = "2006-01-02T15:04:05.000000-07:00"

// MarshalJSON writes the state in Home Assistant's wire form, including
// last_reported and the context object.
func (s State) MarshalJSON() ([]byte, error) {
	attrs := s.Attributes
	if attrs == nil {
		attrs = map[string]any{}
	}
	wire := struct {
		EntityID     string         `json:"entity_id"`
		State        string         `json:"state"`
		Attributes   map[string]any `json:"attributes"`
		LastChanged  string         `json:"last_changed"`
		LastReported string         `json:"last_reported"`
		LastUpdated  string         `json:"last_updated"`
		Context      stateContext   `json:"context"`
	}{
		EntityID:     s.EntityID,
		State:        s.State,
		Attributes:   attrs,
		LastChanged:  s.LastChanged.UTC().Format(haTimeLayout),
		LastReported: s.LastUpdated.UTC().Format(haTimeLayout),
		LastUpdated:  s.LastUpdated.UTC().Format(haTimeLayout),
		Context:      stateContext{ID: s.ContextID},
	}
	return json.Marshal(wire)
}

// stateContext is the context of the last change; the simulator has no
// users or parent contexts, so those are always null.
type stateContext struct {
	ID       string  `json:"id"`
	ParentID *string `json:"parent_id"`
	UserID   *string `json:"user_id"`
}

// clone returns a copy whose attribute map can be changed without touching
// s. Attribute values are never modified in place, so a shallow copy is
// enough.
func (s State) clone() State {
	s.Attributes = maps.Clone(s.Attributes)
	if s.Attributes == nil {
		s.Attributes = map[string]any{}
	}
	return s
}
