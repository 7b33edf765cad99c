package discoverylint

import (
	"strings"
	"testing"
)

// TestNoEndpoints: an empty endpoints array, in each accepted shape, is
// named as such (a warning: the answer is valid), and a missing one is an
// error said once, not also a warning.
func TestNoEndpoints(t *testing.T) {
	event := func(payload string) string {
		return `{"event":{"header":` + wrapperHeader + `,"payload":` + payload + `}}`
	}
	tests := []struct {
		name     string
		in       string
		ok       bool
		warnings int
	}{
		{"bare array", `[]`, true, 1},
		{"payload", `{"endpoints":[]}`, true, 1},
		{"whole response", event(`{"endpoints":[]}`), true, 1},
		{"endpoints missing", event(`{}`), false, 0},
		{"endpoints not an array", `{"endpoints":{}}`, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l Linter
			r, err := l.Lint([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if r.OK() != tt.ok || r.Count(SeverityWarning) != tt.warnings || r.Endpoints != 0 {
				t.Fatalf("OK %v, %d warnings, %d endpoints; want %v, %d, 0: %v", r.OK(), r.Count(SeverityWarning), r.Endpoints, tt.ok, tt.warnings, r.Findings)
			}
			if tt.warnings == 1 && !strings.HasPrefix(r.Findings[0].Message, "no endpoints: ") {
				t.Errorf("finding %q does not say no endpoints", r.Findings[0])
			}
		})
	}
}
