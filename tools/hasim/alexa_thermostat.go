package hasim

import (
	"fmt"
	"strconv"
	"strings"
)

// temperatureFrom reads an Alexa temperature object and converts it to the
// simulated home's unit (Celsius). An interval (a delta) is converted
// without the offset.
func temperatureFrom(v any, interval bool) (float64, error) {
	obj, _ := v.(map[string]any)
	t, ok := number(obj["value"])
	if !ok {
		return 0, fmt.Errorf("temperature value missing")
	}
	switch obj["scale"] {
	case "FAHRENHEIT":
		if interval {
			return t * 5 / 9, nil
		}
		return (t - 32) * 5 / 9, nil
	case "KELVIN":
		if interval {
			return t, nil
		}
		return t - 273.15, nil
	}
	return t, nil
}

// pyFloat formats f as Python's str(float) does for ordinary values
// ("21.0", "40.5"), which is how Home Assistant's messages print numbers.
func pyFloat(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if strings.ContainsRune(s, '.') {
		return s
	}
	return s + ".0"
}

// checkRange returns Home Assistant's TEMPERATURE_VALUE_OUT_OF_RANGE error
// when t lies outside the thermostat's min_temp..max_temp.
func checkRange(target *State, t float64) error {
	lo, _ := number(target.Attributes["min_temp"])
	hi, _ := number(target.Attributes["max_temp"])
	if t >= lo && t <= hi {
		return nil
	}
	celsius := func(v float64) map[string]any { return map[string]any{"value": v, "scale": "CELSIUS"} }
	return &alexaError{
		kind:    "TEMPERATURE_VALUE_OUT_OF_RANGE",
		message: "The requested temperature " + pyFloat(t) + " is out of range",
		extra:   map[string]any{"validRange": map[string]any{"minimumValue": celsius(lo), "maximumValue": celsius(hi)}},
	}
}

func climateTarget(target *State) error {
	if target == nil || target.Domain() != "climate" {
		return fmt.Errorf("thermostat directive for a non-climate entity")
	}
	return nil
}

// setTargetTemperature handles targetSetpoint, lowerSetpoint and
// upperSetpoint like Home Assistant: each is range-checked, then all go to
// climate.set_temperature in one call.
func setTargetTemperature(s *Server, d *directive, target *State) (*message, error) {
	if err := climateTarget(target); err != nil {
		return nil, err
	}
	data := map[string]any{}
	for _, f := range []struct{ alexa, ha string }{
		{"targetSetpoint", "temperature"},
		{"lowerSetpoint", "target_temp_low"},
		{"upperSetpoint", "target_temp_high"},
	} {
		v, ok := d.payload[f.alexa]
		if !ok {
			continue
		}
		t, err := temperatureFrom(v, false)
		if err != nil {
			return nil, err
		}
		if err := checkRange(target, t); err != nil {
			return nil, err
		}
		data[f.ha] = t
	}
	if err := callOn(s, target, "set_temperature", data); err != nil {
		return nil, err
	}
	return d.response("Alexa", "Response", nil), nil
}

func adjustTargetTemperature(s *Server, d *directive, target *State) (*message, error) {
	if err := climateTarget(target); err != nil {
		return nil, err
	}
	delta, err := temperatureFrom(d.payload["targetSetpointDelta"], true)
	if err != nil {
		return nil, err
	}
	current, ok := number(target.Attributes["temperature"])
	if !ok {
		return nil, fmt.Errorf("adjust target temperature: %s has no target", target.EntityID)
	}
	t := current + delta
	if err := checkRange(target, t); err != nil {
		return nil, err
	}
	if err := callOn(s, target, "set_temperature", map[string]any{"temperature": t}); err != nil {
		return nil, err
	}
	return d.response("Alexa", "Response", nil), nil
}

// setThermostatMode maps Alexa's mode to a Home Assistant hvac mode the
// thermostat supports; otherwise it answers UNSUPPORTED_THERMOSTAT_MODE,
// in the ThermostatController namespace the schema requires for it.
func setThermostatMode(s *Server, d *directive, target *State) (*message, error) {
	if err := climateTarget(target); err != nil {
		return nil, err
	}
	mode, ok := d.payload["thermostatMode"].(string)
	if obj, isObj := d.payload["thermostatMode"].(map[string]any); isObj {
		mode, ok = obj["value"].(string)
	}
	if !ok {
		return nil, fmt.Errorf("set thermostat mode: no mode")
	}
	for _, m := range hvacModes(&entity{st: *target}) {
		if ha, isStr := m.(string); isStr && thermostatModes[ha] == mode {
			if err := callOn(s, target, "set_hvac_mode", map[string]any{"hvac_mode": ha}); err != nil {
				return nil, err
			}
			return d.response("Alexa", "Response", nil), nil
		}
	}
	return nil, &alexaError{
		namespace: "Alexa.ThermostatController",
		kind:      "UNSUPPORTED_THERMOSTAT_MODE",
		message:   "The requested thermostat mode " + mode + " is not supported",
	}
}
