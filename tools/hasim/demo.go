package hasim

// demoEntities builds the demo home in its initial state. Its entities and
// their attributes are shaped like those of Home Assistant's own demo
// platforms, so that the Alexa integration sees what it would see there.
func demoEntities() []*entity {
	return []*entity{
		{st: State{EntityID: "light.kitchen", State: "on", Attributes: map[string]any{
			"supported_color_modes": []any{"hs"},
			"color_mode":            "hs",
			"brightness":            180,
			"hs_color":              []any{30.0, 60.0},
			"friendly_name":         "Kitchen",
			"supported_features":    0,
		}}},
		{st: State{EntityID: "light.living_room", State: "off", Attributes: map[string]any{
			"supported_color_modes": []any{"onoff"},
			"color_mode":            nil,
			"friendly_name":         "Living Room",
			"supported_features":    0,
		}}},
		{st: State{EntityID: "switch.fan", State: "off", Attributes: map[string]any{
			"friendly_name": "Fan",
		}}},
		{st: State{EntityID: "lock.front_door", State: "locked", Attributes: map[string]any{
			"friendly_name":      "Front Door",
			"supported_features": 0,
		}}},
		{st: State{EntityID: "climate.thermostat", State: "heat", Attributes: map[string]any{
			"hvac_modes":          []any{"off", "heat", "cool", "heat_cool"},
			"min_temp":            7.0,
			"max_temp":            35.0,
			"target_temp_step":    0.5,
			"current_temperature": 20.5,
			"temperature":         21.0,
			"friendly_name":       "Thermostat",
			"supported_features":  385,
		}}},
		{st: State{EntityID: "sensor.temperature", State: "21.3", Attributes: map[string]any{
			"unit_of_measurement": "°C",
			"device_class":        "temperature",
			"state_class":         "measurement",
			"friendly_name":       "Temperature",
		}}},
		{st: State{EntityID: "scene.movie_night", State: "unknown", Attributes: map[string]any{
			"entity_id":     []any{"light.living_room", "switch.fan"},
			"friendly_name": "Movie Night",
		}}},
		{st: State{EntityID: "script.good_night", State: "off", Attributes: map[string]any{
			"last_triggered": nil,
			"mode":           "single",
			"current":        0,
			"friendly_name":  "Good Night",
		}}},
	}
}
