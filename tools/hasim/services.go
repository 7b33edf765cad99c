package hasim

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

var (
	// errServiceNotFound is Home Assistant's ServiceNotFound: the REST API
	// answers it with 400, the Alexa integration with INTERNAL_ERROR.
	errServiceNotFound = errors.New("service not found")
	// errInvalidData is Home Assistant's vol.Invalid (or a validation error
	// of the entity): bad service data.
	errInvalidData = errors.New("invalid service data")
)

// service is one simulated service: the data keys it accepts besides
// entity_id, and what it does to one target entity (a copy the caller
// commits only when every target succeeded).
type service struct {
	keys  []string
	apply func(now time.Time, e *entity, data map[string]any) error
}

// serviceTable lists the services of the demo home's domains; a domain or
// service missing here does not exist, as in Home Assistant.
var serviceTable = map[string]map[string]service{
	"light": {
		"turn_on":  {keys: lightOnKeys, apply: lightTurnOn},
		"turn_off": {keys: []string{"transition"}, apply: lightTurnOff},
		"toggle":   {keys: lightOnKeys, apply: lightToggle},
	},
	"switch": {
		"turn_on":  {apply: setState("on")},
		"turn_off": {apply: setState("off")},
		"toggle":   {apply: toggleState},
	},
	"lock": {
		"lock":   {keys: []string{"code"}, apply: setState("locked")},
		"unlock": {keys: []string{"code"}, apply: setState("unlocked")},
	},
	"climate": {
		"set_temperature": {keys: []string{"temperature", "target_temp_low", "target_temp_high", "hvac_mode"}, apply: climateSetTemperature},
		"set_hvac_mode":   {keys: []string{"hvac_mode"}, apply: climateSetMode},
		"turn_on":         {apply: climateTurnOn},
		"turn_off":        {apply: setState("off")},
	},
	"scene": {
		"turn_on": {keys: []string{"transition"}, apply: sceneActivate},
	},
	"script": {
		"turn_on":  {keys: []string{"variables"}, apply: scriptRun},
		"turn_off": {apply: func(time.Time, *entity, map[string]any) error { return nil }},
		"toggle":   {apply: scriptRun},
	},
}

func lookupService(domain, name string) (service, error) {
	s, ok := serviceTable[domain][name]
	if !ok {
		return service{}, fmt.Errorf("call %s.%s: %w", domain, name, errServiceNotFound)
	}
	return s, nil
}

// checkKeys refuses data keys a service does not know, as Home Assistant's
// service schemas do.
func checkKeys(allowed []string, data map[string]any) error {
	for k := range data {
		if k != "entity_id" && !slices.Contains(allowed, k) {
			return fmt.Errorf("extra keys not allowed @ data[%q]: %w", k, errInvalidData)
		}
	}
	return nil
}

// validEntityID is Home Assistant's entity id format, without its rules on
// underscores at the edges.
var validEntityID = regexp.MustCompile(`^[a-z0-9_]+\.[a-z0-9_]+$`)

// targetIDs reads entity_id: a string (comma separated), a list of strings,
// "all", or nothing (no target). Ids are lower-cased as Home Assistant does.
func targetIDs(v any) (ids []string, all bool, err error) {
	var raw []string
	switch t := v.(type) {
	case nil:
		return nil, false, nil
	case string:
		if strings.EqualFold(strings.TrimSpace(t), "all") {
			return nil, true, nil
		}
		raw = strings.Split(t, ",")
	case []any:
		for _, item := range t {
			s, ok := item.(string)
			if !ok {
				return nil, false, fmt.Errorf("entity_id %v is not a string: %w", item, errInvalidData)
			}
			raw = append(raw, s)
		}
	default:
		return nil, false, fmt.Errorf("entity_id has type %T: %w", v, errInvalidData)
	}
	for _, s := range raw {
		id := strings.ToLower(strings.TrimSpace(s))
		if !validEntityID.MatchString(id) {
			return nil, false, fmt.Errorf("entity id %q is invalid: %w", id, errInvalidData)
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids, false, nil
}

// number reads a JSON number, or a string holding one, as voluptuous's
// Coerce(float) does.
func number(v any) (float64, bool) {
	switch t := v.(type) {
	case float64:
		return t, true
	case int:
		return float64(t), true
	case json.Number:
		f, err := t.Float64()
		return f, err == nil
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(t), 64)
		return f, err == nil
	}
	return 0, false
}

// numberIn reads data[key] when present and checks it lies in [lo, hi].
func numberIn(data map[string]any, key string, lo, hi float64) (float64, bool, error) {
	v, present := data[key]
	if !present {
		return 0, false, nil
	}
	f, ok := number(v)
	if !ok || f < lo || f > hi {
		return 0, true, fmt.Errorf("%s must be a number from %g to %g: %w", key, lo, hi, errInvalidData)
	}
	return f, true, nil
}

func setState(state string) func(time.Time, *entity, map[string]any) error {
	return func(_ time.Time, e *entity, _ map[string]any) error {
		e.st.State = state
		return nil
	}
}

func toggleState(_ time.Time, e *entity, _ map[string]any) error {
	if e.st.State == "on" {
		e.st.State = "off"
	} else {
		e.st.State = "on"
	}
	return nil
}

// sceneActivate records the activation time, which is a scene's state in
// Home Assistant.
func sceneActivate(now time.Time, e *entity, _ map[string]any) error {
	e.st.State = now.UTC().Format(haTimeLayout)
	return nil
}

// scriptRun runs a script that finishes at once: it stays "off" and only
// its last_triggered attribute moves.
func scriptRun(now time.Time, e *entity, _ map[string]any) error {
	e.st.Attributes["last_triggered"] = now.UTC().Format(haTimeLayout)
	return nil
}
