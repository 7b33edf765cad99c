package utility

import (
	"regexp"
	"testing"
	"time"
)

// timeOfSamplePattern is the schema's pattern for timeOfSample, reduced to
// the part that concerns the layout.
var timeOfSamplePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3}|)Z$`)

func TestTimestamp(t *testing.T) {
	plusTwo := time.FixedZone("UTC+2", 2*60*60)
	tests := []struct {
		name string
		in   time.Time
		want string
	}{
		{"alexa sample", time.Date(2017, 2, 3, 16, 20, 50, 520_000_000, time.UTC), "2017-02-03T16:20:50.52Z"},
		{"whole second", time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), "2026-01-02T03:04:05.00Z"},
		{"truncated not rounded", time.Date(2026, 12, 31, 23, 59, 59, 999_999_999, time.UTC), "2026-12-31T23:59:59.99Z"},
		{"single hundredth", time.Date(2026, 6, 1, 0, 0, 0, 10_000_000, time.UTC), "2026-06-01T00:00:00.01Z"},
		{"below a hundredth", time.Date(2026, 6, 1, 0, 0, 0, 9_999_999, time.UTC), "2026-06-01T00:00:00.00Z"},
		{"converted to UTC", time.Date(2026, 3, 1, 1, 30, 0, 250_000_000, plusTwo), "2026-02-28T23:30:00.25Z"},
		{"leap day", time.Date(2024, 2, 29, 12, 0, 0, 0, time.UTC), "2024-02-29T12:00:00.00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Timestamp(tt.in)
			if got != tt.want {
				t.Fatalf("Timestamp(%v) = %q, want %q", tt.in, got, tt.want)
			}
			if !timeOfSamplePattern.MatchString(got) {
				t.Fatalf("Timestamp(%v) = %q does not match the schema pattern", tt.in, got)
			}
		})
	}
}
