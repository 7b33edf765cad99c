package alexa_test

import (
	"path/filepath"
	"testing"

	"github.com/lee-engine/lee/tools/internal/alexa"
	"github.com/lee-engine/lee/tools/internal/alexatest"
)

// TestSchema checks the schema accepts Amazon's sample answers and refuses
// what is not a Smart Home message.
func TestSchema(t *testing.T) {
	s, err := alexa.LoadSchema(alexatest.SchemaPath(t))
	if err != nil {
		t.Fatal(err)
	}
	sample := alexatest.ReadSample(t, "PowerController/PowerController.TurnOn.response.json")
	tests := []struct {
		name  string
		msg   string
		valid bool
	}{
		{"Amazon's TurnOn response", string(sample), true},
		{"empty event", `{"event":{}}`, false},
		{"error response without type", `{"event":{"header":{"namespace":"Alexa","name":"ErrorResponse","messageId":"a","payloadVersion":"3"},"payload":{}}}`, false},
		{"not JSON", `{"event":`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := s.Validate([]byte(tc.msg))
			if tc.valid != (err == nil) {
				t.Fatalf("Validate: %v, want valid=%v", err, tc.valid)
			}
		})
	}
	if _, err := alexa.LoadSchema(filepath.Join(t.TempDir(), "missing.json")); err == nil {
		t.Error("LoadSchema of a missing file: no error")
	}
}
