package e2e

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/lee-engine/lee/tools/harness"
	"github.com/lee-engine/lee/tools/hasim"
)

// maxFailuresToOpen bounds the search for the breaker's threshold; every
// tier opens well below it.
const maxFailuresToOpen = 20

// TestBreakerOpens keeps Home Assistant answering 503 until the
// home_assistant breaker opens: from then on the function answers
// BRIDGE_UNREACHABLE without calling Home Assistant at all.
func TestBreakerOpens(t *testing.T) {
	t.Parallel()
	sim := startSim(t, hasim.Settings{}, status(http.StatusServiceUnavailable)...)
	rt := startFunction(t, "HA_URL="+sim.URL())
	req := sample(t, "PowerController.TurnOn")
	failures := 0
	for range maxFailuresToOpen {
		before := smartHomeRequests(sim)
		res := invoke(t, rt, req)
		msg := wantError(t, req, res, nsAlexa, unreachable)
		if smartHomeRequests(sim) == before {
			if failures == 0 {
				t.Fatal("the breaker was open before any failure")
			}
			if !strings.Contains(strings.ToLower(msg), "breaker") {
				t.Errorf("the open breaker's message %q does not say so", msg)
			}
			return
		}
		failures++
	}
	t.Fatalf("after %d answers of 503 the function still calls Home Assistant: the breaker never opened", failures)
}

// TestClientErrorsDoNotOpenBreaker answers 400 many times: 4xx are Home
// Assistant's answers, not its failure, so every directive still reaches it.
func TestClientErrorsDoNotOpenBreaker(t *testing.T) {
	t.Parallel()
	sim := startSim(t, hasim.Settings{}, status(http.StatusBadRequest)...)
	rt := startFunction(t, "HA_URL="+sim.URL())
	req := sample(t, "PowerController.TurnOn")
	for i := 1; i <= maxFailuresToOpen; i++ {
		wantError(t, req, invoke(t, rt, req), nsAlexa, internalError)
		if got := smartHomeRequests(sim); got != i {
			t.Fatalf("after %d answers of 400 the simulator received %d requests: the breaker opened on 4xx", i, got)
		}
	}
}

// TestBudgetEndsBeforeLambdaDeadline gives the invocation a deadline far
// shorter than HA_TIMEOUT while Home Assistant hangs: the function must
// still answer BRIDGE_UNREACHABLE before Lambda would kill it.
func TestBudgetEndsBeforeLambdaDeadline(t *testing.T) {
	t.Parallel()
	sim := startSim(t, hasim.Settings{}, fault(hasim.Fault{Kind: hasim.KindDelay, Delay: time.Minute})...)
	rt := startFunction(t, "HA_URL="+sim.URL(), "HA_TIMEOUT=7s")
	req := sample(t, "PowerController.TurnOn")
	// The function's cold start counts against the first deadline, so warm
	// it up first with a directive that needs no Home Assistant.
	invoke(t, rt, edit(t, req, withoutToken))
	res, err := rt.InvokeWithDeadline(context.Background(), req, time.Now().Add(2*time.Second))
	if errors.Is(err, harness.ErrTimeout) {
		t.Fatalf("the function did not answer before the Lambda deadline: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	wantError(t, req, res, nsAlexa, unreachable)
	if got := smartHomeRequests(sim); got != 1 {
		t.Errorf("the simulator received %d requests, want 1", got)
	}
}
