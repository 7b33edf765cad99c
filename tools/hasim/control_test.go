package hasim_test

import (
	"encoding/json"
	"testing"

	"github.com/lee-engine/lee/tools/hasim"
)

func TestControlEndpoints(t *testing.T) {
	s := startSim(t, hasim.Settings{})
	status, _, b := s.do("POST", "/_sim/faults", "", `[{"kind":"status","status":503,"count":1,"path":"/api/alexa"},{"kind":"delay","delay":"1ms"}]`)
	if status != 200 {
		t.Fatalf("inject: %d %s", status, b)
	}
	var faults []hasim.Fault
	if err := json.Unmarshal(b, &faults); err != nil || len(faults) != 2 || faults[1].Kind != hasim.KindDelay || faults[1].Delay.String() != "1ms" {
		t.Fatalf("faults %s (%v)", b, err)
	}
	if status, _, _ := s.do("POST", "/api/alexa/smart_home", testToken, kitchenOff()); status != 503 {
		t.Errorf("first directive: %d, want 503", status)
	}
	if status, _, _ := s.do("GET", "/api/", testToken, ""); status != 200 {
		t.Errorf("delayed request: %d, want 200", status)
	}
	status, _, b = s.do("GET", "/_sim/requests?path=/api/alexa", "", "")
	var log struct {
		Count    int             `json:"count"`
		Requests []hasim.Request `json:"requests"`
	}
	if err := json.Unmarshal(b, &log); status != 200 || err != nil || log.Count != 1 || log.Requests[0].Status != 503 || !log.Requests[0].TokenMatched {
		t.Fatalf("requests: %d %s", status, b)
	}
	if status, _, _ := s.do("DELETE", "/_sim/faults", "", ""); status != 204 {
		t.Errorf("clear: %d", status)
	}
	if _, _, b := s.do("GET", "/_sim/faults", "", ""); string(b) != "[]" {
		t.Errorf("faults after clear: %s", b)
	}
	s.do("POST", "/api/services/switch/turn_on", testToken, `{"entity_id":"switch.fan"}`)
	if status, _, _ := s.do("POST", "/_sim/reset", "", ""); status != 204 {
		t.Errorf("reset: %d", status)
	}
	if st, _ := s.srv.State("switch.fan"); st.State != "off" || s.srv.Count("") != 0 {
		t.Errorf("after reset: fan %s, %d requests", st.State, s.srv.Count(""))
	}
}

func TestControlErrors(t *testing.T) {
	s := startSim(t, hasim.Settings{})
	tests := []struct {
		name, method, path, body string
		status                   int
	}{
		{"bad json", "POST", "/_sim/faults", `{`, 400},
		{"unknown field", "POST", "/_sim/faults", `{"kind":"reset","paht":"/api/"}`, 400},
		{"invalid fault", "POST", "/_sim/faults", `{"kind":"delay"}`, 400},
		{"bad delay", "POST", "/_sim/faults", `{"kind":"delay","delay":"soon"}`, 400},
		{"empty list", "POST", "/_sim/faults", `[]`, 400},
		{"wrong method", "PUT", "/_sim/faults", ``, 405},
		{"reset needs POST", "GET", "/_sim/reset", ``, 405},
		{"requests needs GET", "POST", "/_sim/requests", ``, 405},
		{"unknown", "GET", "/_sim/nothing", ``, 404},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if status, _, b := s.do(tc.method, tc.path, "", tc.body); status != tc.status {
				t.Errorf("got %d %s", status, b)
			}
		})
	}
	if s.srv.Count("") != 0 || len(s.srv.Faults()) != 0 {
		t.Errorf("control requests were recorded or stored a fault")
	}
}
