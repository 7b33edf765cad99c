package alexatest_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/lee-engine/lee/tools/internal/alexa"
	"github.com/lee-engine/lee/tools/internal/alexatest"
)

// TestFixtures checks the project's fixtures: a directive for every
// interface the relay handles, each with an answer that keeps the project's
// rules as the answer to it, and, when Amazon's data is at hand, is valid
// against Amazon's schema.
func TestFixtures(t *testing.T) {
	names := alexatest.Directives()
	for _, want := range []string{
		"PowerController.TurnOn", "PowerController.TurnOff", "BrightnessController.SetBrightness",
		"ColorController.SetColor", "LockController.Lock", "SceneController.Activate",
		"ThermostatController.SetTargetTemperature", "Discovery.Discover", "Alexa.ReportState",
		"Authorization.AcceptGrant",
	} {
		if !slices.Contains(names, want) {
			t.Errorf("no fixture directive %s among %v", want, names)
		}
	}
	schema := alexatest.OptionalSchema(t)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			d, a := alexatest.Directive(t, name), alexatest.Answer(t, name)
			if err := alexa.CheckAnswer(d, a); err != nil {
				t.Errorf("answer: %v", err)
			}
			if err := alexatest.CheckAnswer(t, d, a); err != nil {
				t.Errorf("answer, with Amazon's schema when at hand: %v", err)
			}
			if schema != nil {
				if err := schema.Validate(a); err != nil {
					t.Errorf("answer is not valid against Amazon's schema: %v", err)
				}
			}
		})
	}
	if err := alexatest.Check(t, alexatest.Fixture(t, "ErrorResponse.EndpointUnreachable.answer.json")); err != nil {
		t.Errorf("Home Assistant's ErrorResponse fixture: %v", err)
	}
}

// TestCheckRefuses is the control: Check refuses what is no Alexa event.
func TestCheckRefuses(t *testing.T) {
	for _, msg := range []string{`{"event":{}}`, `<html>`, `{"event":{"header":{"namespace":"Alexa","name":"Response","payloadVersion":"2","messageId":"a"},"payload":{}}}`} {
		if err := alexatest.Check(t, []byte(msg)); err == nil {
			t.Errorf("Check accepted %s", msg)
		}
	}
}

// TestFindsAmazonData checks the helpers on Amazon's data, when at hand.
func TestFindsAmazonData(t *testing.T) {
	dir := alexatest.Dir(t)
	want, err := alexa.FindData(".")
	if err != nil || dir != want.Dir {
		t.Fatalf("Dir = %s; alexa.FindData gives %+v, %v", dir, want, err)
	}
	if got := alexatest.SamplesDir(t); got != filepath.Join(dir, "sample_messages") {
		t.Errorf("SamplesDir = %s", got)
	}
	if _, err := os.Stat(alexatest.SchemaPath(t)); err != nil {
		t.Errorf("SchemaPath: %v", err)
	}
	const turnOn = "PowerController/PowerController.TurnOn.response.json"
	if got := alexatest.SamplePath(t, turnOn); got != filepath.Join(dir, "sample_messages", filepath.FromSlash(turnOn)) {
		t.Errorf("SamplePath = %s", got)
	}
	if err := alexatest.Schema(t).Validate(alexatest.ReadSample(t, turnOn)); err != nil {
		t.Errorf("Amazon's own TurnOn response is not valid: %v", err)
	}
	if alexatest.Schema(t) != alexatest.Schema(t) || alexatest.OptionalSchema(t) != alexatest.Schema(t) {
		t.Error("the schema is compiled more than once")
	}
	if err := alexatest.Schema(t).Validate([]byte(`{"event":{}}`)); err == nil {
		t.Error("an empty event passed the schema")
	}
}
