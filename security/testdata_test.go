package security

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// loadMessages reads every JSON file under dir, keyed by path; none fails
// the test.
func loadMessages(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	messages := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".json") {
			return err
		}
		data, err := os.ReadFile(path)
		messages[path] = data
		return err
	})
	if err != nil || len(messages) == 0 {
		t.Fatalf("Alexa messages under %s: %d found: %v", dir, len(messages), err)
	}
	return messages
}

// loadFixtures reads the project's own Alexa directives and answers.
func loadFixtures(t testing.TB) map[string][]byte {
	t.Helper()
	return loadMessages(t, filepath.Join("testdata", "smarthome"))
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
