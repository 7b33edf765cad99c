package hasim_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/lee-engine/lee/tools/hasim"
	"github.com/lee-engine/lee/tools/internal/alexa"
	"github.com/lee-engine/lee/tools/internal/alexatest"
)

// successAnswers names the answer each directive gets when it succeeds;
// every other directive gets Alexa/Response.
var successAnswers = map[string]string{
	"Alexa.Discovery/Discover":         "Alexa.Discovery/Discover.Response",
	"Alexa.Authorization/AcceptGrant":  "Alexa.Authorization/AcceptGrant.Response",
	"Alexa.SceneController/Activate":   "Alexa.SceneController/ActivationStarted",
	"Alexa.SceneController/Deactivate": "Alexa.SceneController/DeactivationStarted",
	"Alexa/ReportState":                "Alexa/StateReport",
}

// TestFixtureDirectivesSucceed sends every directive of the project's
// fixtures (aimed at the demo home's endpoints) and expects the successful
// answer of the matching kind, the same kind as the fixture's own answer,
// well formed and keeping the directive's correlationToken and endpoint.
func TestFixtureDirectivesSucceed(t *testing.T) {
	names := alexatest.Directives()
	if len(names) < 11 {
		t.Fatalf("found only %d fixture directives", len(names))
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			body := alexatest.Directive(t, name)
			got := checkSucceeds(t, body)
			var want alexa.Message
			if err := json.Unmarshal(alexatest.Answer(t, name), &want); err != nil {
				t.Fatal(err)
			}
			if h := want.Event.Header; got != h.Namespace+"/"+h.Name {
				t.Errorf("answer %s; the fixture's answer is %s/%s", got, h.Namespace, h.Name)
			}
		})
	}
}

// TestSampleDirectivesSucceed sends every request of Amazon's samples
// (their endpoint-001 resolves through the simulator's sample aliases) and
// expects a successful answer of the matching kind.
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
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			body, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			checkSucceeds(t, body)
		})
	}
}

// checkSucceeds sends body to a fresh simulator and fails unless the answer
// is the successful one for the directive, valid (the project's rules, and
// Amazon's schema when at hand) and keeping its correlationToken and
// endpoint. It returns the answer's "namespace/name".
func checkSucceeds(t *testing.T, body []byte) string {
	t.Helper()
	var req map[string]any
	if err := json.Unmarshal(body, &req); err != nil {
		t.Fatal(err)
	}
	key := dig(req, "directive", "header", "namespace").(string) + "/" + dig(req, "directive", "header", "name").(string)
	want, ok := successAnswers[key]
	if !ok {
		want = "Alexa/Response"
	}
	s := startSim(t, hasim.Settings{})
	status, _, answer := s.do("POST", "/api/alexa/smart_home", testToken, string(body))
	if status != 200 {
		t.Fatalf("status %d: %s", status, answer)
	}
	var msg map[string]any
	if err := json.Unmarshal(answer, &msg); err != nil {
		t.Fatal(err)
	}
	got := dig(msg, "event", "header", "namespace").(string) + "/" + dig(msg, "event", "header", "name").(string)
	if got != want {
		t.Fatalf("answer %s, want %s: %v", got, want, dig(msg, "event", "payload"))
	}
	if err := alexatest.CheckAnswer(t, body, answer); err != nil {
		t.Errorf("answer: %v\n%s", err, answer)
	}
	return got
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
