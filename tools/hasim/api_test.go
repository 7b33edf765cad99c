package hasim_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/hasim"
)

func TestRESTStatusAndBodies(t *testing.T) {
	s := startSim(t, hasim.Settings{})
	tests := []struct {
		name, method, path, token, body string
		status                          int
		contentType                     string
		wantBody                        string
	}{
		{"api running", "GET", "/api/", testToken, "", 200, "application/json", `{"message":"API running."}`},
		{"unknown entity", "GET", "/api/states/light.attic", testToken, "", 404, "application/json", `{"message":"Entity not found."}`},
		{"no token", "GET", "/api/", "", "", 401, "text/plain; charset=utf-8", "401: Unauthorized"},
		{"wrong token", "GET", "/api/states", "nope", "", 401, "text/plain; charset=utf-8", "401: Unauthorized"},
		{"unknown path without token", "GET", "/api/nothing", "", "", 404, "text/plain; charset=utf-8", "404: Not Found"},
		{"api without slash", "GET", "/api", testToken, "", 404, "text/plain; charset=utf-8", "404: Not Found"},
		{"wrong method before auth", "GET", "/api/alexa/smart_home", "", "", 405, "text/plain; charset=utf-8", "405: Method Not Allowed"},
		{"unknown service", "POST", "/api/services/light/explode", testToken, `{"entity_id":"light.kitchen"}`, 400, "text/plain; charset=utf-8", "400: Bad Request"},
		{"unknown domain", "POST", "/api/services/vacuum/start", testToken, `{}`, 400, "text/plain; charset=utf-8", "400: Bad Request"},
		{"invalid JSON data", "POST", "/api/services/light/turn_on", testToken, `{"entity_id":`, 400, "application/json", `{"message":"Data should be valid JSON."}`},
		{"data not an object", "POST", "/api/services/light/turn_on", testToken, `[1]`, 400, "text/plain; charset=utf-8", "400: Bad Request"},
		{"out of range", "POST", "/api/services/light/turn_on", testToken, `{"entity_id":"light.kitchen","brightness_pct":150}`, 400, "text/plain; charset=utf-8", "400: Bad Request"},
		{"extra key", "POST", "/api/services/switch/turn_on", testToken, `{"entity_id":"switch.fan","brightness":3}`, 400, "text/plain; charset=utf-8", "400: Bad Request"},
		{"bad entity id", "POST", "/api/services/switch/turn_on", testToken, `{"entity_id":"fan"}`, 400, "text/plain; charset=utf-8", "400: Bad Request"},
		{"no target changes nothing", "POST", "/api/services/switch/turn_on", testToken, ``, 200, "application/json", `[]`},
		{"missing entity changes nothing", "POST", "/api/services/switch/turn_on", testToken, `{"entity_id":"switch.attic"}`, 200, "application/json", `[]`},
		{"other domain's entity skipped", "POST", "/api/services/switch/turn_on", testToken, `{"entity_id":"light.kitchen"}`, 200, "application/json", `[]`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, h, body := s.do(tc.method, tc.path, tc.token, tc.body)
			if status != tc.status || h.Get("Content-Type") != tc.contentType || string(body) != tc.wantBody {
				t.Errorf("got %d %q %s, want %d %q %s", status, h.Get("Content-Type"), body, tc.status, tc.contentType, tc.wantBody)
			}
		})
	}
}

func TestStatesListsTheDemoHome(t *testing.T) {
	s := startSim(t, hasim.Settings{})
	status, _, body := s.do("GET", "/api/states", testToken, "")
	if status != 200 {
		t.Fatalf("status %d", status)
	}
	var states []map[string]any
	if err := json.Unmarshal(body, &states); err != nil {
		t.Fatal(err)
	}
	want := []string{"light.kitchen", "light.living_room", "switch.fan", "lock.front_door",
		"climate.thermostat", "sensor.temperature", "scene.movie_night", "script.good_night"}
	if len(states) != len(want) {
		t.Fatalf("got %d states, want %d", len(states), len(want))
	}
	for i, st := range states {
		if st["entity_id"] != want[i] {
			t.Errorf("state %d is %v, want %s", i, st["entity_id"], want[i])
		}
		for _, k := range []string{"state", "attributes", "last_changed", "last_updated", "last_reported", "context"} {
			if _, ok := st[k]; !ok {
				t.Errorf("%s has no %s", want[i], k)
			}
		}
	}
}

func TestServicesChangeState(t *testing.T) {
	tests := []struct {
		name, path, data, entity string
		wantState                string
		wantAttr                 string
		wantValue                any
		wantChanged              int
	}{
		{"switch on", "/api/services/switch/turn_on", `{"entity_id":"switch.fan"}`, "switch.fan", "on", "", nil, 1},
		{"switch toggle", "/api/services/switch/toggle", `{"entity_id":["switch.fan"]}`, "switch.fan", "on", "", nil, 1},
		{"light off", "/api/services/light/turn_off", `{"entity_id":"light.kitchen"}`, "light.kitchen", "off", "brightness", nil, 1},
		{"light brightness", "/api/services/light/turn_on", `{"entity_id":"light.kitchen","brightness":51}`, "light.kitchen", "on", "brightness", 51.0, 1},
		{"light pct", "/api/services/light/turn_on", `{"entity_id":"light.kitchen","brightness_pct":"100"}`, "light.kitchen", "on", "brightness", 255.0, 1},
		{"light pct zero turns off", "/api/services/light/turn_on", `{"entity_id":"light.kitchen","brightness_pct":0}`, "light.kitchen", "off", "", nil, 1},
		{"light rgb", "/api/services/light/turn_on", `{"entity_id":"light.kitchen","rgb_color":[255,0,0]}`, "light.kitchen", "on", "hs_color", []any{0.0, 100.0}, 1},
		{"all lights on", "/api/services/light/turn_on", `{"entity_id":"all"}`, "light.living_room", "on", "color_mode", "onoff", 1},
		{"unchanged light", "/api/services/light/turn_on", `{"entity_id":"light.kitchen"}`, "light.kitchen", "on", "brightness", 180.0, 0},
		{"unlock", "/api/services/lock/unlock", `{"entity_id":"lock.front_door"}`, "lock.front_door", "unlocked", "", nil, 1},
		{"lock again", "/api/services/lock/lock", `{"entity_id":"lock.front_door"}`, "lock.front_door", "locked", "", nil, 0},
		{"set temperature", "/api/services/climate/set_temperature", `{"entity_id":"climate.thermostat","temperature":23.5}`, "climate.thermostat", "heat", "temperature", 23.5, 1},
		{"hvac mode", "/api/services/climate/set_hvac_mode", `{"entity_id":"climate.thermostat","hvac_mode":"cool"}`, "climate.thermostat", "cool", "", nil, 1},
		{"climate off", "/api/services/climate/turn_off", `{"entity_id":"climate.thermostat"}`, "climate.thermostat", "off", "", nil, 1},
		{"scene", "/api/services/scene/turn_on", `{"entity_id":"scene.movie_night"}`, "scene.movie_night", "", "", nil, 1},
		{"script", "/api/services/script/turn_on", `{"entity_id":"script.good_night"}`, "script.good_night", "off", "", nil, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := startSim(t, hasim.Settings{})
			status, _, body := s.do("POST", tc.path, testToken, tc.data)
			if status != 200 {
				t.Fatalf("status %d: %s", status, body)
			}
			var changed []map[string]any
			if err := json.Unmarshal(body, &changed); err != nil {
				t.Fatal(err)
			}
			if len(changed) != tc.wantChanged {
				t.Fatalf("changed %d states, want %d: %s", len(changed), tc.wantChanged, body)
			}
			_, _, stBody := s.do("GET", "/api/states/"+tc.entity, testToken, "")
			var st map[string]any
			if err := json.Unmarshal(stBody, &st); err != nil {
				t.Fatal(err)
			}
			if tc.wantState != "" && st["state"] != tc.wantState {
				t.Errorf("state %v, want %s", st["state"], tc.wantState)
			}
			if tc.wantAttr != "" {
				got, _ := json.Marshal(dig(st, "attributes", tc.wantAttr))
				want, _ := json.Marshal(tc.wantValue)
				if string(got) != string(want) {
					t.Errorf("%s = %s, want %s", tc.wantAttr, got, want)
				}
			}
		})
	}
}

func TestConfigListsAlexaOnlyWhenEnabled(t *testing.T) {
	for _, disabled := range []bool{false, true} {
		s := startSim(t, hasim.Settings{AlexaDisabled: disabled})
		status, _, body := s.do("GET", "/api/config", testToken, "")
		var cfg struct {
			Components []string `json:"components"`
			Version    string   `json:"version"`
		}
		if err := json.Unmarshal(body, &cfg); status != 200 || err != nil {
			t.Fatalf("status %d, err %v", status, err)
		}
		has := false
		for _, c := range cfg.Components {
			has = has || c == "alexa"
		}
		if has == disabled || cfg.Version != hasim.HAVersion {
			t.Errorf("disabled=%v: alexa listed %v, version %q", disabled, has, cfg.Version)
		}
	}
}

func TestAlexaDisabledAnswers404(t *testing.T) {
	s := startSim(t, hasim.Settings{AlexaDisabled: true})
	for _, path := range []string{"/api/alexa/smart_home", "/api/alexa"} {
		for _, token := range []string{testToken, ""} {
			status, h, body := s.do("POST", path, token, `{}`)
			if status != 404 || string(body) != "404: Not Found" || h.Get("Content-Type") != "text/plain; charset=utf-8" {
				t.Errorf("%s token=%q: got %d %s", path, token, status, body)
			}
		}
	}
}

func TestAuthorizationForms(t *testing.T) {
	s := startSim(t, hasim.Settings{})
	tests := []struct {
		name, header string
		status       int
		index        int
	}{
		{"first token", "Bearer other-token", 200, 0},
		{"second token", "Bearer " + testToken, 200, 1},
		{"lower-case scheme", "bearer " + testToken, 401, -1},
		{"two spaces", "Bearer  " + testToken, 401, -1},
		{"basic", "Basic " + testToken, 401, -1},
		{"no scheme", testToken, 401, -1},
		{"empty token", "Bearer ", 401, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s.srv.Reset()
			req, _ := http.NewRequest("GET", s.srv.URL()+"/api/", nil)
			req.Header.Set("Authorization", tc.header)
			resp, err := s.client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			reqs := s.srv.Requests()
			if resp.StatusCode != tc.status || len(reqs) != 1 {
				t.Fatalf("status %d (want %d), %d records", resp.StatusCode, tc.status, len(reqs))
			}
			r := reqs[0]
			if !r.HasAuthorization || r.TokenIndex != tc.index || r.TokenMatched != (tc.index >= 0) || r.Status != tc.status {
				t.Errorf("record %+v", r)
			}
		})
	}
}

func TestOversizedBodyIsRefused(t *testing.T) {
	s := startSim(t, hasim.Settings{})
	status, _, b := s.do("POST", "/api/alexa/smart_home", testToken, strings.Repeat(" ", 16<<20+1))
	if status != 413 || string(b) != "413: Request Entity Too Large" {
		t.Errorf("got %d %q", status, b)
	}
	if r := s.srv.Requests(); len(r) != 1 || r[0].Status != 413 {
		t.Errorf("record %+v", r)
	}
}
