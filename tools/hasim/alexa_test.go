package hasim_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/hasim"
)

// directiveJSON builds a Smart Home directive; endpointID "" leaves the
// endpoint out.
func directiveJSON(namespace, name, endpointID string, payload any) string {
	d := map[string]any{
		"header": map[string]any{
			"namespace": namespace, "name": name, "payloadVersion": "3",
			"messageId": "abc-123", "correlationToken": "corr-token",
		},
		"payload": payload,
	}
	if endpointID != "" {
		d["endpoint"] = map[string]any{
			"scope":      map[string]any{"type": "BearerToken", "token": testToken},
			"endpointId": endpointID,
			"cookie":     map[string]any{},
		}
	}
	b, _ := json.Marshal(map[string]any{"directive": d})
	return string(b)
}

func TestDiscovery(t *testing.T) {
	s := startSim(t, hasim.Settings{})
	msg := s.directive(`{"directive":{"header":{"namespace":"Alexa.Discovery","name":"Discover","payloadVersion":"3","messageId":"m1"},"payload":{"scope":{"type":"BearerToken","token":"t"}}}}`)
	if dig(msg, "event", "header", "name") != "Discover.Response" || dig(msg, "event", "endpoint") != nil {
		t.Fatalf("header %v", dig(msg, "event", "header"))
	}
	want := map[string]string{
		"light#kitchen": "LIGHT", "light#living_room": "LIGHT", "switch#fan": "SWITCH",
		"lock#front_door": "SMARTLOCK", "climate#thermostat": "THERMOSTAT",
		"sensor#temperature": "TEMPERATURE_SENSOR", "scene#movie_night": "SCENE_TRIGGER",
		"script#good_night": "ACTIVITY_TRIGGER",
	}
	eps, _ := dig(msg, "event", "payload", "endpoints").([]any)
	if len(eps) != len(want) {
		t.Fatalf("%d endpoints, want %d", len(eps), len(want))
	}
	for _, ep := range eps {
		id, _ := dig(ep, "endpointId").(string)
		if cat := dig(ep, "displayCategories", 0); cat != want[id] {
			t.Errorf("%s: category %v, want %s", id, cat, want[id])
		}
	}
	ifaces := func(id string) []string {
		for _, ep := range eps {
			if dig(ep, "endpointId") == id {
				var out []string
				caps, _ := dig(ep, "capabilities").([]any)
				for _, c := range caps {
					out = append(out, dig(c, "interface").(string))
				}
				return out
			}
		}
		return nil
	}
	if got := fmt.Sprint(ifaces("light#kitchen")); got != "[Alexa.PowerController Alexa.BrightnessController Alexa.ColorController Alexa.EndpointHealth Alexa]" {
		t.Errorf("kitchen interfaces %s", got)
	}
	if got := fmt.Sprint(ifaces("light#living_room")); got != "[Alexa.PowerController Alexa.EndpointHealth Alexa]" {
		t.Errorf("living room interfaces %s", got)
	}
}

func TestControlResponses(t *testing.T) {
	tests := []struct {
		name, namespace, directive, endpoint string
		payload                              any
		wantNS, wantName                     string
		propNS, propName                     string
		want                                 string
	}{
		{"turn on", "Alexa.PowerController", "TurnOn", "light#living_room", map[string]any{}, "Alexa", "Response", "Alexa.PowerController", "powerState", `"ON"`},
		{"turn off", "Alexa.PowerController", "TurnOff", "light#kitchen", map[string]any{}, "Alexa", "Response", "Alexa.PowerController", "powerState", `"OFF"`},
		{"switch on", "Alexa.PowerController", "TurnOn", "switch#fan", map[string]any{}, "Alexa", "Response", "Alexa.ContactSensor", "detectionState", `"DETECTED"`},
		{"thermostat off", "Alexa.PowerController", "TurnOff", "climate#thermostat", map[string]any{}, "Alexa", "Response", "Alexa.ThermostatController", "thermostatMode", `"OFF"`},
		{"set brightness", "Alexa.BrightnessController", "SetBrightness", "light#kitchen", map[string]any{"brightness": 75}, "Alexa", "Response", "Alexa.BrightnessController", "brightness", `75`},
		{"adjust brightness", "Alexa.BrightnessController", "AdjustBrightness", "light#kitchen", map[string]any{"brightnessDelta": -25}, "Alexa", "Response", "Alexa.BrightnessController", "brightness", `45`},
		{"adjust past full", "Alexa.BrightnessController", "AdjustBrightness", "light#kitchen", map[string]any{"brightnessDelta": 90}, "Alexa", "Response", "Alexa.BrightnessController", "brightness", `100`},
		{"adjust to zero", "Alexa.BrightnessController", "AdjustBrightness", "light#kitchen", map[string]any{"brightnessDelta": -100}, "Alexa", "Response", "Alexa.PowerController", "powerState", `"OFF"`},
		{"set color", "Alexa.ColorController", "SetColor", "light#kitchen", map[string]any{"color": map[string]any{"hue": 120.0, "saturation": 1.0, "brightness": 1.0}}, "Alexa", "Response", "Alexa.ColorController", "color", `{"brightness":0.7058823529411765,"hue":120,"saturation":1}`},
		{"lock", "Alexa.LockController", "Lock", "lock#front_door", map[string]any{}, "Alexa", "Response", "Alexa.LockController", "lockState", `"LOCKED"`},
		{"unlock", "Alexa.LockController", "Unlock", "lock#front_door", map[string]any{}, "Alexa", "Response", "Alexa.LockController", "lockState", `"UNLOCKED"`},
		{"set target", "Alexa.ThermostatController", "SetTargetTemperature", "climate#thermostat", map[string]any{"targetSetpoint": map[string]any{"value": 22.5, "scale": "CELSIUS"}}, "Alexa", "Response", "Alexa.ThermostatController", "targetSetpoint", `{"scale":"CELSIUS","value":22.5}`},
		{"set target fahrenheit", "Alexa.ThermostatController", "SetTargetTemperature", "climate#thermostat", map[string]any{"targetSetpoint": map[string]any{"value": 77, "scale": "FAHRENHEIT"}}, "Alexa", "Response", "Alexa.ThermostatController", "targetSetpoint", `{"scale":"CELSIUS","value":25}`},
		{"adjust target", "Alexa.ThermostatController", "AdjustTargetTemperature", "climate#thermostat", map[string]any{"targetSetpointDelta": map[string]any{"value": -2, "scale": "CELSIUS"}}, "Alexa", "Response", "Alexa.ThermostatController", "targetSetpoint", `{"scale":"CELSIUS","value":19}`},
		{"thermostat mode", "Alexa.ThermostatController", "SetThermostatMode", "climate#thermostat", map[string]any{"thermostatMode": map[string]any{"value": "COOL"}}, "Alexa", "Response", "Alexa.ThermostatController", "thermostatMode", `"COOL"`},
		{"report state", "Alexa", "ReportState", "sensor#temperature", map[string]any{}, "Alexa", "StateReport", "Alexa.TemperatureSensor", "temperature", `{"scale":"CELSIUS","value":21.3}`},
		{"report thermostat", "Alexa", "ReportState", "climate#thermostat", map[string]any{}, "Alexa", "StateReport", "Alexa.TemperatureSensor", "temperature", `{"scale":"CELSIUS","value":20.5}`},
		{"report health", "Alexa", "ReportState", "lock#front_door", map[string]any{}, "Alexa", "StateReport", "Alexa.EndpointHealth", "connectivity", `{"value":"OK"}`},
		{"scene", "Alexa.SceneController", "Activate", "scene#movie_night", map[string]any{}, "Alexa.SceneController", "ActivationStarted", "", "", ""},
		{"script", "Alexa.SceneController", "Deactivate", "script#good_night", map[string]any{}, "Alexa.SceneController", "DeactivationStarted", "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := startSim(t, hasim.Settings{})
			msg := s.directive(directiveJSON(tc.namespace, tc.directive, tc.endpoint, tc.payload))
			h := dig(msg, "event", "header")
			if dig(h, "namespace") != tc.wantNS || dig(h, "name") != tc.wantName || dig(h, "correlationToken") != "corr-token" {
				t.Fatalf("header %v", h)
			}
			if dig(msg, "event", "endpoint", "endpointId") != tc.endpoint || dig(msg, "event", "endpoint", "scope", "token") != testToken {
				t.Errorf("endpoint not echoed: %v", dig(msg, "event", "endpoint"))
			}
			if _, ok := dig(msg, "context", "properties").([]any); !ok {
				t.Errorf("no context properties")
			}
			if tc.propNS == "" {
				return
			}
			got, _ := json.Marshal(prop(msg, tc.propNS, tc.propName))
			if string(got) != tc.want {
				t.Errorf("%s.%s = %s, want %s", tc.propNS, tc.propName, got, tc.want)
			}
		})
	}
}

func TestAcceptGrant(t *testing.T) {
	s := startSim(t, hasim.Settings{})
	msg := s.directive(`{"directive":{"header":{"namespace":"Alexa.Authorization","name":"AcceptGrant","payloadVersion":"3","messageId":"m"},"payload":{"grant":{"type":"OAuth2.AuthorizationCode","code":"c"},"grantee":{"type":"BearerToken","token":"t"}}}}`)
	if dig(msg, "event", "header", "namespace") != "Alexa.Authorization" || dig(msg, "event", "header", "name") != "AcceptGrant.Response" {
		t.Fatalf("got %v", msg)
	}
	if p, _ := dig(msg, "event", "payload").(map[string]any); p == nil || len(p) != 0 {
		t.Errorf("payload %v, want {}", dig(msg, "event", "payload"))
	}
}

func TestErrorResponses(t *testing.T) {
	tests := []struct {
		name, body, wantType, wantMessage string
		wantNS                            string
	}{
		{"no such endpoint", directiveJSON("Alexa.PowerController", "TurnOn", "light#attic", map[string]any{}), "NO_SUCH_ENDPOINT", "The endpoint light#attic does not exist", "Alexa"},
		{"unsupported directive", directiveJSON("Alexa.Speaker", "SetVolume", "light#kitchen", map[string]any{"volume": 5}), "INTERNAL_ERROR", "", "Alexa"},
		{"unknown endpoint wins over unknown directive", directiveJSON("Alexa.Speaker", "SetVolume", "switch#attic", map[string]any{}), "NO_SUCH_ENDPOINT", "The endpoint switch#attic does not exist", "Alexa"},
		{"service the domain lacks", directiveJSON("Alexa.PowerController", "TurnOn", "lock#front_door", map[string]any{}), "INTERNAL_ERROR", "Unknown error", "Alexa"},
		{"scene cannot deactivate", directiveJSON("Alexa.SceneController", "Deactivate", "scene#movie_night", map[string]any{}), "INTERNAL_ERROR", "Unknown error", "Alexa"},
		{"missing payload field", directiveJSON("Alexa.BrightnessController", "SetBrightness", "light#kitchen", map[string]any{}), "INTERNAL_ERROR", "Unknown error", "Alexa"},
		{"too hot", directiveJSON("Alexa.ThermostatController", "SetTargetTemperature", "climate#thermostat", map[string]any{"targetSetpoint": map[string]any{"value": 40, "scale": "CELSIUS"}}), "TEMPERATURE_VALUE_OUT_OF_RANGE", "The requested temperature 40.0 is out of range", "Alexa"},
		{"range setpoints", directiveJSON("Alexa.ThermostatController", "SetTargetTemperature", "climate#thermostat", map[string]any{"lowerSetpoint": map[string]any{"value": 18, "scale": "CELSIUS"}}), "INTERNAL_ERROR", "Unknown error", "Alexa"},
		{"unsupported mode", directiveJSON("Alexa.ThermostatController", "SetThermostatMode", "climate#thermostat", map[string]any{"thermostatMode": "ECO"}), "UNSUPPORTED_THERMOSTAT_MODE", "The requested thermostat mode ECO is not supported", "Alexa.ThermostatController"},
		{"grant without code", `{"directive":{"header":{"namespace":"Alexa.Authorization","name":"AcceptGrant","payloadVersion":"3","messageId":"m"},"payload":{}}}`, "INTERNAL_ERROR", "Unknown error", "Alexa"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := startSim(t, hasim.Settings{})
			before, _ := s.srv.State("climate.thermostat")
			msg := s.directive(tc.body)
			if dig(msg, "event", "header", "name") != "ErrorResponse" || dig(msg, "event", "header", "namespace") != tc.wantNS {
				t.Fatalf("header %v", dig(msg, "event", "header"))
			}
			if dig(msg, "event", "payload", "type") != tc.wantType || dig(msg, "event", "payload", "message") != tc.wantMessage {
				t.Errorf("payload %v", dig(msg, "event", "payload"))
			}
			if dig(msg, "context") != nil {
				t.Errorf("an ErrorResponse carries no context: %v", dig(msg, "context"))
			}
			after, _ := s.srv.State("climate.thermostat")
			if before.Attributes["temperature"] != after.Attributes["temperature"] || before.State != after.State {
				t.Errorf("a refused directive changed the thermostat")
			}
		})
	}
}

// TestEndpointWithoutID checks the one ErrorResponse that cannot match the
// schema: Home Assistant echoes the directive's endpoint, which here lacks
// the endpointId the schema requires.
func TestEndpointWithoutID(t *testing.T) {
	s := startSim(t, hasim.Settings{})
	body := `{"directive":{"header":{"namespace":"Alexa","name":"ReportState","payloadVersion":"3","messageId":"m"},"endpoint":{"cookie":{}},"payload":{}}}`
	status, _, b := s.do("POST", "/api/alexa/smart_home", testToken, body)
	var msg map[string]any
	if err := json.Unmarshal(b, &msg); err != nil || status != 200 {
		t.Fatalf("got %d %s", status, b)
	}
	if dig(msg, "event", "payload", "type") != "INTERNAL_ERROR" || dig(msg, "event", "payload", "message") != "Unknown error" {
		t.Errorf("payload %v", dig(msg, "event", "payload"))
	}
	if dig(msg, "event", "endpoint", "cookie") == nil {
		t.Errorf("endpoint not echoed: %s", b)
	}
}

func TestMalformedSmartHomeBodies(t *testing.T) {
	s := startSim(t, hasim.Settings{})
	bodies := map[string]string{
		"not json":           `{"directive":`,
		"no directive":       `{"event":{}}`,
		"payloadVersion 2":   `{"directive":{"header":{"namespace":"Alexa","name":"ReportState","payloadVersion":"2","messageId":"m"},"payload":{}}}`,
		"numeric version":    `{"directive":{"header":{"namespace":"Alexa","name":"ReportState","payloadVersion":3,"messageId":"m"},"payload":{}}}`,
		"no payload":         `{"directive":{"header":{"namespace":"Alexa","name":"ReportState","payloadVersion":"3","messageId":"m"}}}`,
		"no name":            `{"directive":{"header":{"namespace":"Alexa","payloadVersion":"3","messageId":"m"},"payload":{}}}`,
		"endpoint not a map": `{"directive":{"header":{"namespace":"Alexa","name":"ReportState","payloadVersion":"3","messageId":"m"},"endpoint":null,"payload":{}}}`,
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			status, h, b := s.do("POST", "/api/alexa/smart_home", testToken, body)
			if status != 500 || h.Get("Content-Type") != "text/plain; charset=utf-8" || string(b) != "500 Internal Server Error\n\nServer got itself in trouble" {
				t.Errorf("got %d %q %q", status, h.Get("Content-Type"), b)
			}
		})
	}
}

func TestDirectiveNeedsBearerToken(t *testing.T) {
	s := startSim(t, hasim.Settings{})
	body := directiveJSON("Alexa.PowerController", "TurnOff", "light#kitchen", map[string]any{})
	status, _, b := s.do("POST", "/api/alexa/smart_home", "wrong", body)
	if status != 401 || string(b) != "401: Unauthorized" {
		t.Fatalf("got %d %s", status, b)
	}
	if st, _ := s.srv.State("light.kitchen"); st.State != "on" {
		t.Errorf("an unauthorized directive was applied")
	}
	r := s.srv.Requests()
	if len(r) != 1 || r[0].Namespace != "Alexa.PowerController" || r[0].Name != "TurnOff" || r[0].TokenMatched {
		t.Errorf("record %+v", r)
	}
}

// TestAnswersAreNotHTMLEscaped checks the raw bytes: Home Assistant's JSON
// encoder leaves &, < and > as they are.
func TestAnswersAreNotHTMLEscaped(t *testing.T) {
	s := startSim(t, hasim.Settings{})
	body := strings.ReplaceAll(directiveJSON("Alexa", "ReportState", "a&b", map[string]any{}), `\u0026`, "&")
	_, _, b := s.do("POST", "/api/alexa/smart_home", testToken, body)
	if !strings.Contains(string(b), `"endpointId":"a&b"`) || !strings.Contains(string(b), `"The endpoint a&b does not exist"`) {
		t.Errorf("got %s", b)
	}
}

// TestRequestLogTiesDirectivesToTokens: the log names each directive by its
// messageId beside the index of the token it came with, so a test of many
// users at once can check that every directive went out with its own token.
func TestRequestLogTiesDirectivesToTokens(t *testing.T) {
	tokens := []string{"user-token-0", "user-token-1", "user-token-2"}
	s := startSim(t, hasim.Settings{Tokens: tokens})
	for i := len(tokens) - 1; i >= 0; i-- {
		body := strings.Replace(directiveJSON("Alexa", "ReportState", "light#kitchen", map[string]any{}),
			`"messageId":"abc-123"`, fmt.Sprintf(`"messageId":"message-%d"`, i), 1)
		if status, _, b := s.do("POST", "/api/alexa/smart_home", tokens[i], body); status != 200 {
			t.Fatalf("directive %d: %d %s", i, status, b)
		}
	}
	for _, r := range s.srv.Requests() {
		if want := fmt.Sprintf("message-%d", r.TokenIndex); r.MessageID != want || !r.TokenMatched {
			t.Errorf("record %+v: want message id %s with its token", r, want)
		}
	}
	if n := len(s.srv.Requests()); n != len(tokens) {
		t.Errorf("%d records, want %d", n, len(tokens))
	}
}
