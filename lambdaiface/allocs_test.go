package lambdaiface_test

import (
	"testing"

	"github.com/lee-engine/lee/lambdaiface"
)

// TestRelayPathAllocations guards what a relayed directive costs in
// allocations: the one decode of the event, the check of Home Assistant's
// answer, and reading the token. It counts allocations, not time; the
// bounds are today's figures, so a change that adds work on this path
// fails here first.
func TestRelayPathAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector changes allocation counts; run without -race")
	}
	turnOn := fixture(t, turnOnDirective)
	answer := fixture(t, turnOnAnswer)
	in, err := lambdaiface.Decode(turnOn)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		max  float64
		run  func() bool
	}{
		{"Decode", 30, func() bool { in, err := lambdaiface.Decode(turnOn); return err == nil && in.Directive.Endpoint != nil }},
		{"IsAlexaMessage", 12, func() bool { return lambdaiface.IsAlexaMessage(answer) }},
		{"Token", 0, func() bool { return in.Token(lambdaiface.TokenEndpointScope) == fixtureToken }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !tt.run() {
				t.Fatal("the call did not give the expected result")
			}
			if got := testing.AllocsPerRun(100, func() { tt.run() }); got > tt.max {
				t.Errorf("%.1f allocations per call; want at most %.0f", got, tt.max)
			}
		})
	}
}
