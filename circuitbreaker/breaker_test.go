package circuitbreaker_test

import (
	"errors"
	"testing"
	"time"

	"github.com/lee-engine/lee/circuitbreaker"
)

func TestDefaultThresholdOpensOnFifthFailure(t *testing.T) {
	b := circuitbreaker.New(circuitbreaker.Settings{Name: "ha"})
	for i := 1; i <= 4; i++ {
		if err := b.Execute(fail); !errors.Is(err, errBoom) {
			t.Fatalf("call %d: err = %v, want errBoom", i, err)
		}
		if s := b.State(); s != circuitbreaker.StateClosed {
			t.Fatalf("after %d failures state = %s, want CLOSED", i, s)
		}
	}
	if err := b.Execute(fail); !errors.Is(err, errBoom) {
		t.Fatalf("fifth call: err = %v, want errBoom", err)
	}
	if s := b.State(); s != circuitbreaker.StateOpen {
		t.Fatalf("after 5 failures state = %s, want OPEN", s)
	}
}

func TestCycles(t *testing.T) {
	tests := []struct {
		name      string
		probe     func() error
		wantState circuitbreaker.State
		wantMoves []string
	}{
		{
			name:      "half-open success closes",
			probe:     succeed,
			wantState: circuitbreaker.StateClosed,
			wantMoves: []string{"ha:CLOSED->OPEN", "ha:OPEN->HALF_OPEN", "ha:HALF_OPEN->CLOSED"},
		},
		{
			name:      "half-open failure reopens",
			probe:     fail,
			wantState: circuitbreaker.StateOpen,
			wantMoves: []string{"ha:CLOSED->OPEN", "ha:OPEN->HALF_OPEN", "ha:HALF_OPEN->OPEN"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{}
			b := circuitbreaker.New(circuitbreaker.Settings{
				Name: "ha", FailureThreshold: 2, OpenTimeout: time.Millisecond,
				OnStateChange: rec.record,
			})
			_ = b.Execute(fail)
			_ = b.Execute(fail)
			equalMoves(t, rec.snapshot(), tt.wantMoves[:1])
			waitState(t, b, circuitbreaker.StateHalfOpen)
			equalMoves(t, rec.snapshot(), tt.wantMoves[:2])
			_ = b.Execute(tt.probe)
			if s := b.State(); s != tt.wantState {
				t.Fatalf("after the trial call state = %s, want %s", s, tt.wantState)
			}
			equalMoves(t, rec.snapshot(), tt.wantMoves)
		})
	}
}

func TestOpenFailsFastWithoutCallingFn(t *testing.T) {
	b := circuitbreaker.New(circuitbreaker.Settings{Name: "ha", FailureThreshold: 1, OpenTimeout: time.Hour})
	_ = b.Execute(fail)
	called := false
	err := b.Execute(func() error { called = true; return nil })
	if called {
		t.Fatal("fn was called while the breaker was open")
	}
	mustOpenError(t, err, "ha", circuitbreaker.StateOpen)
	if msg := err.Error(); msg != `circuitbreaker "ha": OPEN: call refused` {
		t.Fatalf("Error() = %q", msg)
	}
}

func TestHalfOpenRefusesBeyondTrialSlots(t *testing.T) {
	b := circuitbreaker.New(circuitbreaker.Settings{Name: "ha", FailureThreshold: 1, OpenTimeout: time.Millisecond})
	_ = b.Execute(fail)
	waitState(t, b, circuitbreaker.StateHalfOpen)

	entered, release, done := make(chan struct{}), make(chan struct{}), make(chan error)
	go func() {
		done <- b.Execute(func() error { close(entered); <-release; return nil })
	}()
	<-entered
	called := false
	err := b.Execute(func() error { called = true; return nil })
	close(release)
	if trialErr := <-done; trialErr != nil {
		t.Fatalf("trial call: %v", trialErr)
	}
	if called {
		t.Fatal("fn was called although the only trial slot was taken")
	}
	mustOpenError(t, err, "ha", circuitbreaker.StateHalfOpen)
	if s := b.State(); s != circuitbreaker.StateClosed {
		t.Fatalf("after the successful trial state = %s, want CLOSED", s)
	}
}

func TestIsFailure(t *testing.T) {
	errNotFound := errors.New("404")
	b := circuitbreaker.New(circuitbreaker.Settings{
		Name: "ha", FailureThreshold: 2, OpenTimeout: time.Hour,
		IsFailure: func(err error) bool { return !errors.Is(err, errNotFound) },
	})
	tests := []struct {
		name      string
		fn        func() error
		wantErr   error
		wantState circuitbreaker.State
	}{
		{"failure counts", fail, errBoom, circuitbreaker.StateClosed},
		{"ignored error is returned and resets the run", func() error { return errNotFound }, errNotFound, circuitbreaker.StateClosed},
		{"one failure after the reset", fail, errBoom, circuitbreaker.StateClosed},
		{"second failure in a row opens", fail, errBoom, circuitbreaker.StateOpen},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := b.Execute(tt.fn); !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if s := b.State(); s != tt.wantState {
				t.Fatalf("state = %s, want %s", s, tt.wantState)
			}
		})
	}
}

func TestCounts(t *testing.T) {
	b := circuitbreaker.New(circuitbreaker.Settings{Name: "ha", FailureThreshold: 10})
	for _, fn := range []func() error{succeed, succeed, fail, fail, fail} {
		_ = b.Execute(fn)
	}
	want := circuitbreaker.Counts{Requests: 5, TotalSuccesses: 2, TotalFailures: 3, ConsecutiveFailures: 3}
	if got := b.Counts(); got != want {
		t.Fatalf("Counts() = %+v, want %+v", got, want)
	}
	if b.Name() != "ha" {
		t.Fatalf("Name() = %q", b.Name())
	}
}

func TestIntervalForgetsClosedCounts(t *testing.T) {
	b := circuitbreaker.New(circuitbreaker.Settings{Name: "ha", FailureThreshold: 2, Interval: time.Millisecond})
	_ = b.Execute(fail)
	if c := b.Counts(); c.ConsecutiveFailures != 1 {
		t.Fatalf("ConsecutiveFailures = %d, want 1", c.ConsecutiveFailures)
	}
	deadline := time.Now().Add(10 * time.Second)
	// State is what notices that the interval has passed.
	for b.State(); b.Counts().Requests != 0; b.State() {
		if time.Now().After(deadline) {
			t.Fatal("counts were never reset")
		}
		time.Sleep(100 * time.Microsecond)
	}
	_ = b.Execute(fail)
	if s := b.State(); s != circuitbreaker.StateClosed {
		t.Fatalf("a failure after the reset opened the breaker: state = %s", s)
	}
}

func TestPanicCountsAsFailureAndPropagates(t *testing.T) {
	b := circuitbreaker.New(circuitbreaker.Settings{Name: "ha", FailureThreshold: 1, OpenTimeout: time.Hour})
	func() {
		defer func() {
			if r := recover(); r != "kaput" {
				t.Fatalf("recovered %v, want the original panic value", r)
			}
		}()
		_ = b.Execute(func() error { panic("kaput") })
	}()
	if s := b.State(); s != circuitbreaker.StateOpen {
		t.Fatalf("state after a panic = %s, want OPEN", s)
	}
}

func TestCallbackMayUseBreaker(t *testing.T) {
	var b *circuitbreaker.Breaker
	var seen []string
	b = circuitbreaker.New(circuitbreaker.Settings{
		Name: "ha", FailureThreshold: 1, OpenTimeout: time.Hour,
		OnStateChange: func(_ string, _, to circuitbreaker.State) {
			seen = append(seen, to.String()+"/"+b.State().String())
		},
	})
	_ = b.Execute(fail)
	equalMoves(t, seen, []string{"OPEN/OPEN"})
}
