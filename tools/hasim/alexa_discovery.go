package hasim

import "strings"

// HAVersion is the Home Assistant release the simulator claims to be, in
// /api/config and in discovered endpoints' softwareVersion.
const HAVersion = "2025.11.0"

// forbiddenNameChars are removed from names and descriptions, as Home
// Assistant's TRANSLATION_TABLE does, because Alexa refuses them.
const forbiddenNameChars = `}{\/|"()[]+~!><*%`

func cleanName(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(forbiddenNameChars, r) {
			return -1
		}
		return r
	}, s)
}

// endpointID is Home Assistant's Alexa id of an entity: the entity id with
// its dot turned into '#', e.g. light#kitchen.
func endpointID(entityID string) string {
	return cleanName(strings.ReplaceAll(entityID, ".", "#"))
}

var displayCategories = map[string]string{
	"light":   "LIGHT",
	"switch":  "SWITCH",
	"lock":    "SMARTLOCK",
	"climate": "THERMOSTAT",
	"sensor":  "TEMPERATURE_SENSOR",
	"scene":   "SCENE_TRIGGER",
	"script":  "ACTIVITY_TRIGGER",
}

type discoveredEndpoint struct {
	DisplayCategories    []string          `json:"displayCategories"`
	Cookie               map[string]string `json:"cookie"`
	EndpointID           string            `json:"endpointId"`
	FriendlyName         string            `json:"friendlyName"`
	Description          string            `json:"description"`
	ManufacturerName     string            `json:"manufacturerName"`
	AdditionalAttributes map[string]string `json:"additionalAttributes"`
	Capabilities         []map[string]any  `json:"capabilities"`
}

// discoveryEndpoints serializes every exposed entity as Home Assistant's
// AlexaEntity.serialize_discovery does.
func discoveryEndpoints(states []State) []discoveredEndpoint {
	out := []discoveredEndpoint{}
	for _, st := range states {
		caps := capabilitiesOf(st)
		if len(caps) == 0 {
			continue
		}
		desc := st.EntityID + " via Home Assistant"
		if st.Domain() == "scene" && !strings.Contains(strings.ToLower(desc), "scene") {
			desc += " (Scene)"
		}
		ep := discoveredEndpoint{
			DisplayCategories: []string{displayCategories[st.Domain()]},
			Cookie:            map[string]string{},
			EndpointID:        endpointID(st.EntityID),
			FriendlyName:      cleanName(st.Name()),
			Description:       cleanName(desc),
			ManufacturerName:  "Home Assistant",
			AdditionalAttributes: map[string]string{
				"manufacturer":     "Home Assistant",
				"model":            st.Domain(),
				"softwareVersion":  HAVersion,
				"customIdentifier": "-" + st.EntityID,
			},
		}
		for _, c := range caps {
			ep.Capabilities = append(ep.Capabilities, discoveryCapability(c))
		}
		out = append(out, ep)
	}
	return out
}

func discoveryCapability(c capability) map[string]any {
	m := map[string]any{"type": "AlexaInterface", "interface": c.iface, "version": "3"}
	if len(c.props) > 0 {
		supported := make([]map[string]string, len(c.props))
		for i, p := range c.props {
			supported[i] = map[string]string{"name": p}
		}
		m["properties"] = map[string]any{"supported": supported, "proactivelyReported": true, "retrievable": true}
	}
	if c.deactivation != nil {
		m["supportsDeactivation"] = *c.deactivation
	}
	if c.config != nil {
		m["configuration"] = c.config
	}
	return m
}
