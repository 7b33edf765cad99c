package hasim

// sampleAliases gives the endpointIds of Amazon's sample directives
// (sample_messages of github.com/alexa-samples/alexa-smarthome, which all
// use "endpoint-001" whatever the interface) a demo entity of the right kind, chosen by the directive's
// namespace; the "" entry serves every other namespace. They exist only so
// those samples get successful answers, are not discovered, and are never
// part of a real Home Assistant.
var sampleAliases = map[string]map[string]string{
	"endpoint-001": {
		"":                           "light.kitchen",
		"Alexa.LockController":       "lock.front_door",
		"Alexa.SceneController":      "script.good_night",
		"Alexa.ThermostatController": "climate.thermostat",
	},
}

// resolveAlias returns the entity a sample endpointId stands for.
func resolveAlias(endpointID, namespace string) (string, bool) {
	byNS, ok := sampleAliases[endpointID]
	if !ok {
		return "", false
	}
	if id, ok := byNS[namespace]; ok {
		return id, true
	}
	id, ok := byNS[""]
	return id, ok
}
