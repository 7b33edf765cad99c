package circuitbreaker_test

import (
	"sync"
	"testing"
	"time"

	"github.com/lee-engine/lee/circuitbreaker"
)

func TestRegistryGetCreatesOnce(t *testing.T) {
	r := circuitbreaker.NewRegistry(circuitbreaker.Settings{FailureThreshold: 1, OpenTimeout: time.Hour})
	const n = 16
	got := make([]*circuitbreaker.Breaker, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { got[i] = r.Get("home_assistant") })
	}
	wg.Wait()
	for i, b := range got {
		if b != got[0] {
			t.Fatalf("Get #%d returned a different breaker", i)
		}
	}
	if name := got[0].Name(); name != "home_assistant" {
		t.Fatalf("Name() = %q, want home_assistant", name)
	}
	if r.Get("other") == got[0] {
		t.Fatal("two names share one breaker")
	}
}

func TestRegistryAppliesDefaultsAndReportsStates(t *testing.T) {
	rec := &recorder{}
	r := circuitbreaker.NewRegistry(circuitbreaker.Settings{
		Name: "ignored", FailureThreshold: 1, OpenTimeout: time.Hour, OnStateChange: rec.record,
	})
	if len(r.States()) != 0 {
		t.Fatal("a new registry reports breakers")
	}
	_ = r.Get("ha").Execute(fail)
	_ = r.Get("ssm").Execute(succeed)
	states := r.States()
	want := map[string]circuitbreaker.State{"ha": circuitbreaker.StateOpen, "ssm": circuitbreaker.StateClosed}
	if len(states) != len(want) {
		t.Fatalf("States() = %v, want %v", states, want)
	}
	for name, s := range want {
		if states[name] != s {
			t.Fatalf("States()[%q] = %s, want %s", name, states[name], s)
		}
	}
	equalMoves(t, rec.snapshot(), []string{"ha:CLOSED->OPEN"})
	states["ha"] = circuitbreaker.StateClosed
	if r.States()["ha"] != circuitbreaker.StateOpen {
		t.Fatal("changing the returned map changed the registry")
	}
}
