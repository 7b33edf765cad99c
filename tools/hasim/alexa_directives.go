package hasim

import (
	"fmt"
	"math"
)

// directiveHandler answers one directive; target is the resolved endpoint,
// nil for directives without one. A plain error becomes INTERNAL_ERROR
// "Unknown error", as an uncaught exception does in Home Assistant.
type directiveHandler func(s *Server, d *directive, target *State) (*message, error)

// directiveHandlers lists the directives the simulator answers, keyed by
// "namespace/name": those of Home Assistant's handlers.py that the demo
// home's entities can use.
var directiveHandlers = map[string]directiveHandler{
	"Alexa.Discovery/Discover":                           discover,
	"Alexa.Authorization/AcceptGrant":                    acceptGrant,
	"Alexa/ReportState":                                  reportState,
	"Alexa.PowerController/TurnOn":                       serviceDirective("turn_on"),
	"Alexa.PowerController/TurnOff":                      serviceDirective("turn_off"),
	"Alexa.BrightnessController/SetBrightness":           setBrightness,
	"Alexa.BrightnessController/AdjustBrightness":        adjustBrightness,
	"Alexa.ColorController/SetColor":                     setColor,
	"Alexa.LockController/Lock":                          serviceDirective("lock"),
	"Alexa.LockController/Unlock":                        serviceDirective("unlock"),
	"Alexa.ThermostatController/SetTargetTemperature":    setTargetTemperature,
	"Alexa.ThermostatController/AdjustTargetTemperature": adjustTargetTemperature,
	"Alexa.ThermostatController/SetThermostatMode":       setThermostatMode,
	"Alexa.SceneController/Activate":                     sceneDirective("turn_on", "ActivationStarted"),
	"Alexa.SceneController/Deactivate":                   sceneDirective("turn_off", "DeactivationStarted"),
}

func discover(s *Server, d *directive, _ *State) (*message, error) {
	payload := map[string]any{"endpoints": discoveryEndpoints(s.home.all())}
	return d.response("Alexa.Discovery", "Discover.Response", payload), nil
}

// acceptGrant answers AcceptGrant.Response: without client_id and
// client_secret configured, Home Assistant only checks the grant has a code.
func acceptGrant(_ *Server, d *directive, _ *State) (*message, error) {
	grant, _ := d.payload["grant"].(map[string]any)
	if _, ok := grant["code"]; !ok {
		return nil, fmt.Errorf("accept grant: no grant code")
	}
	return d.response("Alexa.Authorization", "AcceptGrant.Response", nil), nil
}

// reportState answers StateReport; the properties are added by
// handleDirective like for every answer about an endpoint.
func reportState(_ *Server, d *directive, _ *State) (*message, error) {
	return d.response("Alexa", "StateReport", nil), nil
}

// callOn calls a service of the target's own domain, as every Home
// Assistant handler does; a service the domain lacks is an error.
func callOn(s *Server, target *State, service string, data map[string]any) error {
	if target == nil {
		return fmt.Errorf("call %s: directive has no endpoint", service)
	}
	if data == nil {
		data = map[string]any{}
	}
	data["entity_id"] = target.EntityID
	_, err := s.home.call(target.Domain(), service, data)
	return err
}

func serviceDirective(service string) directiveHandler {
	return func(s *Server, d *directive, target *State) (*message, error) {
		if err := callOn(s, target, service, nil); err != nil {
			return nil, err
		}
		return d.response("Alexa", "Response", nil), nil
	}
}

// sceneDirective activates or deactivates a scene or script and answers
// ActivationStarted or DeactivationStarted with a voice-interaction cause.
func sceneDirective(service, answer string) directiveHandler {
	return func(s *Server, d *directive, target *State) (*message, error) {
		if err := callOn(s, target, service, nil); err != nil {
			return nil, err
		}
		payload := map[string]any{
			"cause":     map[string]any{"type": "VOICE_INTERACTION"},
			"timestamp": sampleTime(s.now()),
		}
		return d.response("Alexa.SceneController", answer, payload), nil
	}
}

// payloadInt reads an integer like Python's int(): numbers are truncated.
func payloadInt(payload map[string]any, key string) (int, error) {
	f, ok := number(payload[key])
	if !ok || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("payload %s is not a number", key)
	}
	return int(math.Trunc(f)), nil
}

func setBrightness(s *Server, d *directive, target *State) (*message, error) {
	pct, err := payloadInt(d.payload, "brightness")
	if err != nil {
		return nil, err
	}
	if err := callOn(s, target, "turn_on", map[string]any{"brightness_pct": float64(pct)}); err != nil {
		return nil, err
	}
	return d.response("Alexa", "Response", nil), nil
}

// adjustBrightness passes the delta on as brightness_step_pct, as current
// Home Assistant does, so the light clamps it to 0..100.
func adjustBrightness(s *Server, d *directive, target *State) (*message, error) {
	delta, err := payloadInt(d.payload, "brightnessDelta")
	if err != nil {
		return nil, err
	}
	if err := callOn(s, target, "turn_on", map[string]any{"brightness_step_pct": float64(delta)}); err != nil {
		return nil, err
	}
	return d.response("Alexa", "Response", nil), nil
}

func setColor(s *Server, d *directive, target *State) (*message, error) {
	c, _ := d.payload["color"].(map[string]any)
	h, ok1 := number(c["hue"])
	sat, ok2 := number(c["saturation"])
	bri, ok3 := number(c["brightness"])
	if !ok1 || !ok2 || !ok3 {
		return nil, fmt.Errorf("set color: payload color needs hue, saturation and brightness")
	}
	r, g, b := hsbToRGB(h, sat, bri)
	rgb := []any{float64(r), float64(g), float64(b)}
	if err := callOn(s, target, "turn_on", map[string]any{"rgb_color": rgb}); err != nil {
		return nil, err
	}
	return d.response("Alexa", "Response", nil), nil
}
