package hasim_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/lee-engine/lee/tools/hasim"
	"github.com/lee-engine/lee/tools/internal/alexatest"
)

// TestSampleDirectivesSucceed sends every request of Amazon's samples
// (their endpoint-001 resolves through the simulator's sample aliases) and
// expects a successful, schema-valid answer of the matching kind.
func TestSampleDirectivesSucceed(t *testing.T) {
	dir := alexatest.SamplesDir(t)
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.request.json"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, filepath.Join(dir, "StateReport", "ReportState.json"))
	if len(files) < 12 {
		t.Fatalf("found only %d sample requests in %s", len(files), dir)
	}
	answers := map[string]string{
		"Alexa.Discovery/Discover":         "Alexa.Discovery/Discover.Response",
		"Alexa.Authorization/AcceptGrant":  "Alexa.Authorization/AcceptGrant.Response",
		"Alexa.SceneController/Activate":   "Alexa.SceneController/ActivationStarted",
		"Alexa.SceneController/Deactivate": "Alexa.SceneController/DeactivationStarted",
		"Alexa/ReportState":                "Alexa/StateReport",
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			body, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var req map[string]any
			if err := json.Unmarshal(body, &req); err != nil {
				t.Fatal(err)
			}
			key := dig(req, "directive", "header", "namespace").(string) + "/" + dig(req, "directive", "header", "name").(string)
			want, ok := answers[key]
			if !ok {
				want = "Alexa/Response"
			}
			s := startSim(t, hasim.Settings{})
			msg := s.directive(string(body))
			got := dig(msg, "event", "header", "namespace").(string) + "/" + dig(msg, "event", "header", "name").(string)
			if got != want {
				t.Fatalf("answer %s, want %s: %v", got, want, dig(msg, "event", "payload"))
			}
			if ct := dig(req, "directive", "header", "correlationToken"); ct != nil && dig(msg, "event", "header", "correlationToken") != ct {
				t.Errorf("correlationToken not echoed")
			}
			if id := dig(req, "directive", "endpoint", "endpointId"); id != nil && dig(msg, "event", "endpoint", "endpointId") != id {
				t.Errorf("endpoint not echoed")
			}
		})
	}
}

// TestSampleAliasesPickTheRightKind checks endpoint-001 stands for an
// entity that supports each sample's interface.
func TestSampleAliasesPickTheRightKind(t *testing.T) {
	tests := []struct {
		namespace, name, entity, state string
	}{
		{"Alexa.LockController", "Unlock", "lock.front_door", "unlocked"},
		{"Alexa.PowerController", "TurnOff", "light.kitchen", "off"},
		{"Alexa.ThermostatController", "SetThermostatMode", "climate.thermostat", "cool"},
	}
	for _, tc := range tests {
		t.Run(tc.namespace, func(t *testing.T) {
			s := startSim(t, hasim.Settings{})
			s.directive(directiveJSON(tc.namespace, tc.name, "endpoint-001", map[string]any{"thermostatMode": "COOL"}))
			if st, _ := s.srv.State(tc.entity); st.State != tc.state {
				t.Errorf("%s is %q, want %q", tc.entity, st.State, tc.state)
			}
		})
	}
	s := startSim(t, hasim.Settings{})
	msg := s.directive(directiveJSON("Alexa", "ReportState", "endpoint-002", map[string]any{}))
	if dig(msg, "event", "payload", "type") != "NO_SUCH_ENDPOINT" {
		t.Errorf("endpoint-002 is not an alias: %v", dig(msg, "event", "payload"))
	}
}
