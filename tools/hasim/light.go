package hasim

import (
	"fmt"
	"math"
	"slices"
	"time"
)

// lightOnKeys are the turn_on options the simulated lights understand.
var lightOnKeys = []string{
	"brightness", "brightness_pct", "brightness_step", "brightness_step_pct",
	"hs_color", "rgb_color", "transition",
}

// lightRequest is light.turn_on's data once validated.
type lightRequest struct {
	brightness    float64
	hasBrightness bool
	step          float64
	hasStep       bool
	hs            []any
}

func parseLightRequest(data map[string]any) (lightRequest, error) {
	var r lightRequest
	if pct, ok, err := numberIn(data, "brightness_pct", 0, 100); err != nil {
		return r, err
	} else if ok {
		r.brightness, r.hasBrightness = math.RoundToEven(pct*255/100), true
	}
	if b, ok, err := numberIn(data, "brightness", 0, 255); err != nil {
		return r, err
	} else if ok {
		r.brightness, r.hasBrightness = math.Trunc(b), true
	}
	if pct, ok, err := numberIn(data, "brightness_step_pct", -100, 100); err != nil {
		return r, err
	} else if ok {
		r.step, r.hasStep = math.RoundToEven(pct*255/100), true
	}
	if s, ok, err := numberIn(data, "brightness_step", -255, 255); err != nil {
		return r, err
	} else if ok {
		r.step, r.hasStep = math.Trunc(s), true
	}
	if _, _, err := numberIn(data, "transition", 0, 6553); err != nil {
		return r, err
	}
	hs, err := parseColor(data)
	if err != nil {
		return r, err
	}
	r.hs = hs
	return r, nil
}

// parseColor reads hs_color or rgb_color; an rgb colour is stored as hue
// and saturation, as Home Assistant does for an hs light.
func parseColor(data map[string]any) ([]any, error) {
	if v, ok := data["hs_color"]; ok {
		f, err := numberList(v, "hs_color", []float64{360, 100})
		if err != nil {
			return nil, err
		}
		return []any{f[0], f[1]}, nil
	}
	if v, ok := data["rgb_color"]; ok {
		f, err := numberList(v, "rgb_color", []float64{255, 255, 255})
		if err != nil {
			return nil, err
		}
		h, s := rgbToHS(int(f[0]), int(f[1]), int(f[2]))
		return []any{h, s}, nil
	}
	return nil, nil
}

// numberList reads a list of len(max) numbers, each from 0 to its maximum.
func numberList(v any, key string, max []float64) ([]float64, error) {
	items, ok := v.([]any)
	if !ok || len(items) != len(max) {
		return nil, fmt.Errorf("%s must be a list of %d numbers: %w", key, len(max), errInvalidData)
	}
	out := make([]float64, len(items))
	for i, item := range items {
		f, ok := number(item)
		if !ok || f < 0 || f > max[i] {
			return nil, fmt.Errorf("%s[%d] must be a number from 0 to %g: %w", key, i, max[i], errInvalidData)
		}
		out[i] = f
	}
	return out, nil
}

func colorModes(e *entity) []any {
	m, _ := e.st.Attributes["supported_color_modes"].([]any)
	return m
}

func isDimmable(e *entity) bool {
	for _, m := range colorModes(e) {
		if m != "onoff" {
			return true
		}
	}
	return false
}

func hasColor(e *entity) bool {
	return slices.Contains(colorModes(e), any("hs"))
}

// lightTurnOn follows Home Assistant's light.turn_on: brightness settings
// are computed from the current brightness, a resulting brightness of 0
// turns the light off, and options a light does not support are ignored.
func lightTurnOn(now time.Time, e *entity, data map[string]any) error {
	req, err := parseLightRequest(data)
	if err != nil {
		return err
	}
	on := e.st.State == "on"
	current, _ := number(e.st.Attributes["brightness"])
	bri, ok := number(e.restore["brightness"])
	if on {
		bri = current
	} else if !ok {
		bri = 255
	}
	if req.hasBrightness {
		bri = req.brightness
	}
	if req.hasStep {
		base := 0.0
		if on {
			base = current
		}
		bri = math.Max(0, math.Min(255, base+req.step))
	}
	if (req.hasBrightness || req.hasStep) && bri == 0 {
		return lightTurnOff(now, e, data)
	}
	e.st.State = "on"
	switch {
	case hasColor(e):
		hs := req.hs
		if hs == nil {
			hs = pickHS(e)
		}
		e.st.Attributes["color_mode"] = "hs"
		e.st.Attributes["hs_color"] = hs
		e.st.Attributes["brightness"] = int(bri)
	case isDimmable(e):
		e.st.Attributes["color_mode"] = "brightness"
		e.st.Attributes["brightness"] = int(bri)
	default:
		e.st.Attributes["color_mode"] = "onoff"
	}
	return nil
}

// pickHS keeps the colour a light shows, or restores the one it had before
// it was turned off.
func pickHS(e *entity) []any {
	if hs, ok := e.st.Attributes["hs_color"].([]any); ok {
		return hs
	}
	if hs, ok := e.restore["hs_color"].([]any); ok {
		return hs
	}
	return []any{0.0, 0.0}
}

// lightTurnOff turns the light off; like Home Assistant it reports null
// brightness and colour while off and remembers them for the next turn_on.
func lightTurnOff(_ time.Time, e *entity, _ map[string]any) error {
	if e.st.State == "on" {
		if e.restore == nil {
			e.restore = map[string]any{}
		}
		for _, k := range []string{"brightness", "hs_color"} {
			if v := e.st.Attributes[k]; v != nil {
				e.restore[k] = v
			}
		}
	}
	e.st.State = "off"
	e.st.Attributes["color_mode"] = nil
	if isDimmable(e) {
		e.st.Attributes["brightness"] = nil
	}
	if hasColor(e) {
		e.st.Attributes["hs_color"] = nil
	}
	return nil
}

func lightToggle(now time.Time, e *entity, data map[string]any) error {
	if e.st.State == "on" {
		return lightTurnOff(now, e, data)
	}
	return lightTurnOn(now, e, data)
}
