package hasim

import (
	"math"
	"slices"
	"strconv"
	"time"
)

// capability is one Alexa interface of an endpoint, as Home Assistant's
// capabilities.py describes it for discovery and for state reports.
type capability struct {
	iface        string
	props        []string
	config       map[string]any
	deactivation *bool
	read         func(st State, prop string) (any, bool)
}

func yes(b bool) *bool { return &b }

// capabilitiesOf lists an entity's interfaces in Home Assistant's order
// (entities.py). An entity with none is not exposed to Alexa.
func capabilitiesOf(st State) []capability {
	health := capability{iface: "Alexa.EndpointHealth", props: []string{"connectivity"}, read: readConnectivity}
	alexa := capability{iface: "Alexa"}
	power := capability{iface: "Alexa.PowerController", props: []string{"powerState"}, read: readPower}
	switch st.Domain() {
	case "light":
		caps := []capability{power}
		e := &entity{st: st}
		if isDimmable(e) {
			caps = append(caps, capability{iface: "Alexa.BrightnessController", props: []string{"brightness"}, read: readBrightness})
		}
		if hasColor(e) {
			caps = append(caps, capability{iface: "Alexa.ColorController", props: []string{"color"}, read: readColor})
		}
		return append(caps, health, alexa)
	case "switch":
		contact := capability{iface: "Alexa.ContactSensor", props: []string{"detectionState"}, read: readContact}
		return []capability{power, contact, health, alexa}
	case "lock":
		return []capability{{iface: "Alexa.LockController", props: []string{"lockState"}, read: readLock}, health, alexa}
	case "climate":
		return climateCapabilities(st, power, health, alexa)
	case "sensor":
		if _, ok := temperatureScale(st); !ok {
			return nil
		}
		return []capability{temperatureSensor(), health, alexa}
	case "scene":
		return []capability{{iface: "Alexa.SceneController", deactivation: yes(false)}, alexa}
	case "script":
		return []capability{{iface: "Alexa.SceneController", deactivation: yes(true)}, alexa}
	}
	return nil
}

func climateCapabilities(st State, power, health, alexa capability) []capability {
	var caps []capability
	modes := hvacModes(&entity{st: st})
	if slices.Contains(modes, any("off")) {
		caps = append(caps, power)
	}
	props := []string{"thermostatMode"}
	if f, _ := number(st.Attributes["supported_features"]); int(f)&1 != 0 {
		props = append(props, "targetSetpoint")
	}
	var supported []any
	for _, m := range modes {
		if s, ok := m.(string); ok {
			if v, ok := thermostatModes[s]; ok && !slices.Contains(supported, any(v)) {
				supported = append(supported, v)
			}
		}
	}
	config := map[string]any{"supportsScheduling": false}
	if len(supported) > 0 {
		config["supportedModes"] = supported
	}
	thermostat := capability{iface: "Alexa.ThermostatController", props: props, config: config, read: readThermostat}
	return append(caps, thermostat, temperatureSensor(), health, alexa)
}

func temperatureSensor() capability {
	return capability{iface: "Alexa.TemperatureSensor", props: []string{"temperature"}, read: readTemperature}
}

// thermostatModes maps Home Assistant's hvac modes to Alexa's
// (API_THERMOSTAT_MODES).
var thermostatModes = map[string]string{
	"heat": "HEAT", "cool": "COOL", "heat_cool": "AUTO", "auto": "AUTO", "off": "OFF",
}

// properties reports every property of st, as Home Assistant merges them
// into each answer about an endpoint.
func properties(st State, now time.Time) []property {
	out := []property{}
	for _, c := range capabilitiesOf(st) {
		for _, p := range c.props {
			v, ok := c.read(st, p)
			if !ok {
				continue
			}
			out = append(out, property{
				Name: p, Namespace: c.iface, Value: v,
				TimeOfSample: sampleTime(now), UncertaintyInMilliseconds: 0,
			})
		}
	}
	return out
}

func readConnectivity(st State, _ string) (any, bool) {
	if st.State == "unavailable" {
		return map[string]any{"value": "UNREACHABLE"}, true
	}
	return map[string]any{"value": "OK"}, true
}

func readPower(st State, _ string) (any, bool) {
	if st.State == "off" {
		return "OFF", true
	}
	return "ON", true
}

func readContact(st State, _ string) (any, bool) {
	if st.State == "on" {
		return "DETECTED", true
	}
	return "NOT_DETECTED", true
}

func readBrightness(st State, _ string) (any, bool) {
	b, _ := number(st.Attributes["brightness"])
	return int(math.RoundToEven(b / 255 * 100)), true
}

func readColor(st State, _ string) (any, bool) {
	var hue, sat float64
	if hs, ok := st.Attributes["hs_color"].([]any); ok && len(hs) == 2 {
		hue, _ = number(hs[0])
		sat, _ = number(hs[1])
	}
	b, _ := number(st.Attributes["brightness"])
	return map[string]any{"hue": hue, "saturation": sat / 100, "brightness": b / 255}, true
}

func readLock(st State, _ string) (any, bool) {
	switch st.State {
	case "locked", "unlocking":
		return "LOCKED", true
	case "unlocked", "locking":
		return "UNLOCKED", true
	}
	return "JAMMED", true
}

func readThermostat(st State, prop string) (any, bool) {
	if st.State == "unavailable" {
		return nil, false
	}
	if prop == "thermostatMode" {
		m, ok := thermostatModes[st.State]
		return m, ok
	}
	t, ok := number(st.Attributes["temperature"])
	if !ok {
		return nil, false
	}
	return map[string]any{"value": t, "scale": "CELSIUS"}, true
}

// readTemperature reports a sensor's state, or a thermostat's current
// temperature, in the sensor's unit or the system's (Celsius).
func readTemperature(st State, _ string) (any, bool) {
	scale, ok := temperatureScale(st)
	if !ok {
		return nil, false
	}
	var t float64
	if st.Domain() == "climate" {
		t, ok = number(st.Attributes["current_temperature"])
	} else {
		var err error
		t, err = strconv.ParseFloat(st.State, 64)
		ok = err == nil
	}
	if !ok {
		return nil, false
	}
	return map[string]any{"value": t, "scale": scale}, true
}

// temperatureScale returns Alexa's name of an entity's temperature unit; a
// sensor in any other unit is not a temperature sensor for Alexa.
func temperatureScale(st State) (string, bool) {
	if st.Domain() == "climate" {
		return "CELSIUS", true
	}
	switch st.Attributes["unit_of_measurement"] {
	case "°C":
		return "CELSIUS", true
	case "°F":
		return "FAHRENHEIT", true
	}
	return "", false
}
