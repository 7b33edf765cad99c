package security

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// alexaSamples is where the shared Alexa test data lives, relative to this
// package directory (the working directory of its tests).
var alexaSamples = filepath.Join("..", "..", "shared", "alexa", "sample_messages")

// loadAlexaSamples reads every sample message; missing data fails the test
// because a silent skip would hide that nothing was checked.
func loadAlexaSamples(t testing.TB) map[string][]byte {
	t.Helper()
	samples := map[string][]byte{}
	err := filepath.WalkDir(alexaSamples, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".json") {
			return err
		}
		data, err := os.ReadFile(path)
		samples[path] = data
		return err
	})
	if err != nil || len(samples) == 0 {
		t.Fatalf("Alexa sample messages are required at %s (the shared test data beside the repository): %v", alexaSamples, err)
	}
	return samples
}

// directiveJSON is a PowerController directive of about 1 KiB, the size
// LEE sees most, with a bearer token as long as a real Home Assistant JWT.
const directiveJSON = `{
  "directive": {
    "header": {
      "namespace": "Alexa.PowerController",
      "name": "TurnOn",
      "payloadVersion": "3",
      "messageId": "5f0c6a52-0d0e-4f6e-9a57-2a3f4c0b9d11",
      "correlationToken": "AAAAAAAAAQBe8Cu7ZZuYPnJzkYdQ7Mfg1aXbQWVxiW3m0pKq4oFv1fBkS0ZCs2v0Y7pbt8wqWw=="
    },
    "endpoint": {
      "scope": {
        "type": "BearerToken",
        "token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiI4ZjNhYjE2YzRkMmU0ZjVhOWIwYzFkMmUzZjRhNWI2YyIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoyMDE1MzYwMDAwfQ.qN3v6sL0mY2rT8wX1zC4bE7hK9jP5uA0dF6gH2iJ3kL-mN_oP4qR5sT6uV7wX8yZ9aB0cD1eF2gH3iJ4kL5mN6oP7qR8sT9uV0wX1yZ2aB3cD4eF5gH6iJ7kL8mN9oP0qR1sT2uV3wX4yZ5"
      },
      "endpointId": "light.kitchen_ceiling",
      "cookie": {"friendlyName": "Kitchen ceiling", "area": "kitchen"}
    },
    "payload": {}
  }
}`
