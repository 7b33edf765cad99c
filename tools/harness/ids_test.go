package harness

import (
	"regexp"
	"testing"
	"time"
)

func TestRequestIDsAreUniqueVersion4UUIDs(t *testing.T) {
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	seen := make(map[string]bool)
	for range 1000 {
		id := newRequestID()
		if !uuid.MatchString(id) {
			t.Fatalf("%q is not a version 4 UUID", id)
		}
		if seen[id] {
			t.Fatalf("duplicate request id %q", id)
		}
		seen[id] = true
	}
}

func TestTraceIDCarriesTheTime(t *testing.T) {
	got := newTraceID(time.Unix(0x5f5e1000, 0))
	if !regexp.MustCompile(`^Root=1-5f5e1000-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$`).MatchString(got) {
		t.Errorf("trace id = %q", got)
	}
}
