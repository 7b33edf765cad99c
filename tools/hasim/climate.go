package hasim

import (
	"fmt"
	"slices"
	"time"
)

func hvacModes(e *entity) []any {
	m, _ := e.st.Attributes["hvac_modes"].([]any)
	return m
}

// climateSetTemperature follows climate.set_temperature for a thermostat
// with a single target: low/high targets are refused, and the target must
// lie within min_temp and max_temp.
func climateSetTemperature(now time.Time, e *entity, data map[string]any) error {
	if _, ok := data["target_temp_low"]; ok {
		return fmt.Errorf("%s does not support a target temperature range: %w", e.st.EntityID, errInvalidData)
	}
	if _, ok := data["target_temp_high"]; ok {
		return fmt.Errorf("%s does not support a target temperature range: %w", e.st.EntityID, errInvalidData)
	}
	lo, _ := number(e.st.Attributes["min_temp"])
	hi, _ := number(e.st.Attributes["max_temp"])
	temp, ok, err := numberIn(data, "temperature", lo, hi)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("set_temperature needs temperature: %w", errInvalidData)
	}
	if _, ok := data["hvac_mode"]; ok {
		if err := climateSetMode(now, e, data); err != nil {
			return err
		}
	}
	e.st.Attributes["temperature"] = temp
	return nil
}

// climateSetMode sets hvac_mode, which must be one of the entity's
// hvac_modes.
func climateSetMode(_ time.Time, e *entity, data map[string]any) error {
	mode, ok := data["hvac_mode"].(string)
	if !ok || !slices.Contains(hvacModes(e), any(mode)) {
		return fmt.Errorf("hvac_mode %v is not one of %v: %w", data["hvac_mode"], hvacModes(e), errInvalidData)
	}
	e.st.State = mode
	return nil
}

// climateTurnOn switches an idle thermostat to its first mode other than
// off, as Home Assistant does for a climate entity without a turn_on of its
// own.
func climateTurnOn(_ time.Time, e *entity, _ map[string]any) error {
	if e.st.State != "off" {
		return nil
	}
	for _, m := range hvacModes(e) {
		if s, ok := m.(string); ok && s != "off" {
			e.st.State = s
			return nil
		}
	}
	return nil
}
