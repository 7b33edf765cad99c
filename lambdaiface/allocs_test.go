package lambdaiface_test

import (
	"testing"

	"github.com/lee-engine/lee/lambdaiface"
)

// TestRelayPathAllocations guards what a relayed directive costs in
// allocations: classifying it and checking Home Assistant's answer
// allocate nothing, decoding a device directive five objects (the
// directive with its endpoint and scope, its strings, its cookie of one
// entry, which is a map and its group of slots, its payload), finding a Discovery token only the token. It counts
// allocations, not time.
func TestRelayPathAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector changes allocation counts; run without -race")
	}
	turnOn := fixture(t, turnOnDirective)
	answer := fixture(t, turnOnAnswer)
	discovery := fixture(t, discoveryDirective)
	device, err := lambdaiface.DecodeDirective(turnOn)
	if err != nil {
		t.Fatal(err)
	}
	discover, err := lambdaiface.DecodeDirective(discovery)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		max  float64
		run  func() bool
	}{
		{"Classify", 0, func() bool {
			k, err := lambdaiface.Classify(turnOn)
			return err == nil && k == lambdaiface.KindSmartHome
		}},
		{"IsAlexaMessage", 0, func() bool { return lambdaiface.IsAlexaMessage(answer) }},
		{"DecodeDirective", 5, func() bool { d, err := lambdaiface.DecodeDirective(turnOn); return err == nil && d.Endpoint != nil }},
		{"Token from the endpoint", 0, func() bool { _, src := device.Token(); return src == lambdaiface.TokenEndpointScope }},
		{"Token from the payload", 1, func() bool { _, src := discover.Token(); return src == lambdaiface.TokenPayloadScope }},
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
