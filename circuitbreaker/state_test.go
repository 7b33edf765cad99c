package circuitbreaker_test

import (
	"testing"

	"github.com/lee-engine/lee/circuitbreaker"
)

func TestStateString(t *testing.T) {
	tests := []struct {
		state circuitbreaker.State
		want  string
	}{
		{circuitbreaker.StateClosed, "CLOSED"},
		{circuitbreaker.StateHalfOpen, "HALF_OPEN"},
		{circuitbreaker.StateOpen, "OPEN"},
		{circuitbreaker.State(7), "State(7)"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.state.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
		})
	}
}
