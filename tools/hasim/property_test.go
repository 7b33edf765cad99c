package hasim_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/lee-engine/lee/tools/hasim"
	"pgregory.net/rapid"
)

func TestFaultJSONRoundTrip(t *testing.T) {
	kinds := []hasim.Kind{hasim.KindStatus, hasim.KindHTML, hasim.KindTruncated, hasim.KindInvalidJSON,
		hasim.KindEmptyBody, hasim.KindNonAlexaJSON, hasim.KindHuge, hasim.KindDelay, hasim.KindReset, hasim.KindInvalidUTF8,
		hasim.KindSwitchProtocols, hasim.KindTrailingBytes, hasim.KindDrop}
	rapid.Check(t, func(t *rapid.T) {
		f := hasim.Fault{
			Path:  rapid.SampledFrom([]string{"", "/api/", "/api/alexa/smart_home"}).Draw(t, "path"),
			Count: rapid.IntRange(0, 5).Draw(t, "count"),
			Kind:  rapid.SampledFrom(kinds).Draw(t, "kind"),
		}
		switch f.Kind {
		case hasim.KindStatus:
			f.Status = rapid.IntRange(400, 599).Draw(t, "status")
			f.Message = rapid.String().Draw(t, "message")
		case hasim.KindHTML:
			f.Page = rapid.SampledFrom([]string{"", "login", "challenge"}).Draw(t, "page")
		case hasim.KindHuge:
			f.Size = rapid.IntRange(1000, 1<<24).Draw(t, "size")
		case hasim.KindDelay:
			f.Delay = time.Duration(rapid.Int64Range(1, int64(time.Hour)).Draw(t, "delay"))
		}
		b, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		got, err := hasim.ParseFaults(b)
		if err != nil || len(got) != 1 || !reflect.DeepEqual(got[0], f) {
			t.Fatalf("round trip of %s: %+v, %v", b, got, err)
		}
	})
}

var schemaEndpointID = regexp.MustCompile(`^[a-zA-Z0-9_\-=#;:?@&]{1,256}$`)

// TestAnyDirectiveGetsAnAnswer sends generated directives, well-formed or
// not, and checks the simulator answers like Home Assistant: a plain 500
// for an unreadable message, otherwise 200 with an Alexa event that matches
// the schema whenever the directive itself could have come from Alexa.
func TestAnyDirectiveGetsAnAnswer(t *testing.T) {
	srv := hasim.New(hasim.Settings{Tokens: []string{testToken}})
	defer srv.Close()
	rapid.Check(t, func(rt *rapid.T) {
		header := map[string]any{"messageId": "m-1"}
		if rapid.IntRange(0, 9).Draw(rt, "version") > 0 {
			header["payloadVersion"] = "3"
		}
		pair := rapid.SampledFrom([]string{"Alexa/ReportState", "Alexa.PowerController/TurnOn",
			"Alexa.PowerController/TurnOff", "Alexa.BrightnessController/SetBrightness",
			"Alexa.BrightnessController/AdjustBrightness", "Alexa.ColorController/SetColor",
			"Alexa.LockController/Lock", "Alexa.LockController/Unlock",
			"Alexa.ThermostatController/SetTargetTemperature", "Alexa.ThermostatController/AdjustTargetTemperature",
			"Alexa.ThermostatController/SetThermostatMode", "Alexa.SceneController/Activate",
			"Alexa.SceneController/Deactivate", "Alexa.Discovery/Discover", "Alexa.Authorization/AcceptGrant",
			"Alexa.Speaker/SetVolume", "Alexa.PowerController/Explode"}).Draw(rt, "directive")
		header["namespace"], header["name"], _ = strings.Cut(pair, "/")
		if rapid.Bool().Draw(rt, "correlated") {
			header["correlationToken"] = "c-1"
		}
		d := map[string]any{"header": header, "payload": drawPayload(rt)}
		id := ""
		if rapid.Bool().Draw(rt, "endpoint") {
			id = rapid.OneOf(rapid.SampledFrom([]string{"light#kitchen", "light#living_room", "switch#fan",
				"lock#front_door", "climate#thermostat", "sensor#temperature", "scene#movie_night",
				"script#good_night", "endpoint-001"}), rapid.String()).Draw(rt, "endpointId")
			d["endpoint"] = map[string]any{"endpointId": id}
		}
		body, _ := json.Marshal(map[string]any{"directive": d})
		req := httptest.NewRequest("POST", "/api/alexa/smart_home", strings.NewReader(string(body)))
		req.Header.Set("Authorization", "Bearer "+testToken)
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if header["payloadVersion"] == nil {
			if rec.Code != http.StatusInternalServerError {
				rt.Fatalf("payloadVersion missing: got %d %s", rec.Code, rec.Body)
			}
			return
		}
		if rec.Code != http.StatusOK {
			rt.Fatalf("got %d %s for %s", rec.Code, rec.Body, body)
		}
		// Home Assistant echoes whatever endpoint it got, so the answer can
		// match the schema only when Alexa could have sent the directive:
		// a valid endpointId, and no endpoint on Discover or AcceptGrant.
		_, hasEndpoint := d["endpoint"]
		global := header["namespace"] == "Alexa.Discovery" || header["namespace"] == "Alexa.Authorization"
		if !hasEndpoint || (schemaEndpointID.MatchString(id) && !global) {
			validateAlexa(rt, rec.Body.Bytes())
		}
	})
}

// drawPayload draws a payload: sometimes a sensible one, sometimes junk.
func drawPayload(t *rapid.T) map[string]any {
	p := map[string]any{}
	num := rapid.OneOf(rapid.Float64Range(-500, 500).AsAny(), rapid.IntRange(-300, 300).AsAny(), rapid.String().AsAny())
	if rapid.Bool().Draw(t, "brightness") {
		p["brightness"] = num.Draw(t, "brightnessValue")
	}
	if rapid.Bool().Draw(t, "delta") {
		p["brightnessDelta"] = num.Draw(t, "deltaValue")
	}
	if rapid.Bool().Draw(t, "color") {
		p["color"] = map[string]any{"hue": num.Draw(t, "hue"), "saturation": num.Draw(t, "sat"), "brightness": num.Draw(t, "bri")}
	}
	if rapid.Bool().Draw(t, "setpoint") {
		p["targetSetpoint"] = map[string]any{"value": num.Draw(t, "temp"),
			"scale": rapid.SampledFrom([]string{"CELSIUS", "FAHRENHEIT", "KELVIN", "RANKINE"}).Draw(t, "scale")}
	}
	if rapid.Bool().Draw(t, "mode") {
		p["thermostatMode"] = rapid.SampledFrom([]string{"HEAT", "COOL", "AUTO", "OFF", "ECO", ""}).Draw(t, "modeValue")
	}
	if rapid.Bool().Draw(t, "grant") {
		p["grant"] = map[string]any{"code": "c"}
	}
	return p
}

// TestBrightnessStaysInRange applies random brightness steps and checks
// the reported brightness stays within 0..100 and an off light reports no
// brightness attribute.
func TestBrightnessStaysInRange(t *testing.T) {
	srv := hasim.New(hasim.Settings{Tokens: []string{testToken}})
	defer srv.Close()
	rapid.Check(t, func(rt *rapid.T) {
		srv.Reset()
		for _, d := range rapid.SliceOfN(rapid.IntRange(-100, 100), 1, 8).Draw(rt, "deltas") {
			body, _ := json.Marshal(map[string]any{"entity_id": "light.kitchen", "brightness_step_pct": d})
			req := httptest.NewRequest("POST", "/api/services/light/turn_on", strings.NewReader(string(body)))
			req.Header.Set("Authorization", "Bearer "+testToken)
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, req)
			if rec.Code != 200 {
				rt.Fatalf("step %d: %d %s", d, rec.Code, rec.Body)
			}
			st, _ := srv.State("light.kitchen")
			b, isNum := st.Attributes["brightness"].(int)
			switch {
			case st.State == "off" && st.Attributes["brightness"] != nil:
				rt.Fatalf("off light reports brightness %v", st.Attributes["brightness"])
			case st.State == "on" && (!isNum || b < 1 || b > 255):
				rt.Fatalf("on light has brightness %v", st.Attributes["brightness"])
			}
		}
	})
}
