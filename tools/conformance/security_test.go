package conformance

import (
	"testing"

	"github.com/lee-engine/lee/security"
)

// TestSampleEventsPassSecurity checks that security.ValidateEvent accepts
// every one of Amazon's samples within its default limits (the zero
// Limits), which are the function's.
func TestSampleEventsPassSecurity(t *testing.T) {
	for _, s := range samples(t) {
		if err := security.ValidateEvent(s.data, security.Limits{}); err != nil {
			t.Errorf("%s: %v", s.name, err)
		}
	}
}
