package reliability

import (
	"testing"
	"time"

	"github.com/lee-engine/lee/config"
	"github.com/lee-engine/lee/gateway"
	"github.com/lee-engine/lee/tools/hasim"
)

// haSlowness is how long Home Assistant takes in TestBreakerBudgetCut:
// healthy, but more than the short invocations leave it.
const haSlowness = 1500 * time.Millisecond

// TestBreakerBudgetCut: Home Assistant answering in 1.5 s, within
// HA_TIMEOUT, to invocations whose Lambda deadline is 1.5 s away times
// out each time (BRIDGE_UNREACHABLE before the deadline), but only Home
// Assistant's own failures count against the breaker: after the minimum
// tier's threshold of such timeouts, an invocation with 5 s still reaches
// Home Assistant and gets its answer. The control: the same slowness past
// HA_TIMEOUT (1 s, with 5 s invocations) is Home Assistant's failure and
// opens the breaker.
func TestBreakerBudgetCut(t *testing.T) {
	threshold := int(config.TierMinimum.Settings().BreakerFailureThreshold)
	tests := []struct {
		name     string
		env      []string
		budget   time.Duration
		wantOpen bool
	}{
		{name: "Lambda deadline shorter than Home Assistant's answer", budget: haSlowness},
		{name: "HA_TIMEOUT shorter than Home Assistant's answer", env: []string{"HA_TIMEOUT=1s"}, budget: defaultBudget, wantOpen: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			sim := startSim(t, hasim.Settings{}, "")
			err := sim.Inject(hasim.Fault{Path: gateway.SmartHomePath, Count: threshold, Kind: hasim.KindDelay, Delay: haSlowness})
			if err != nil {
				t.Fatal(err)
			}
			rt := startFunction(t, append([]string{"HA_URL=" + sim.URL(), "LEE_TIER=" + string(config.TierMinimum)}, tc.env...)...)
			directive := sample(t, turnOn)
			for n := 1; n <= threshold; n++ {
				a := invoke(t, rt, directive, tc.budget)
				a.inTime(t)
				checkError(t, directive, a.payload, gateway.BridgeUnreachable)
				if got := smartHomeCalls(sim); got != n {
					t.Fatalf("after %d slow answers Home Assistant saw %d requests", n, got)
				}
			}
			a := invoke(t, rt, directive, defaultBudget)
			if tc.wantOpen {
				checkError(t, directive, a.payload, gateway.BridgeUnreachable)
				if got := smartHomeCalls(sim); got != threshold {
					t.Errorf("the breaker let a request through: Home Assistant saw %d, want %d", got, threshold)
				}
				return
			}
			checkGood(t, turnOn, directive, a.payload)
			if got := smartHomeCalls(sim); got != threshold+1 {
				t.Errorf("Home Assistant saw %d requests, want %d: the breaker must stay closed", got, threshold+1)
			}
		})
	}
}
