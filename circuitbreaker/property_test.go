package circuitbreaker_test

import (
	"errors"
	"testing"
	"time"

	"github.com/lee-engine/lee/circuitbreaker"
	"pgregory.net/rapid"
)

// TestPropertyOpensAfterThresholdRun checks the breaker against a model:
// it opens exactly when FailureThreshold failures come in a row, and once
// open (OpenTimeout far away) it calls nothing more.
func TestPropertyOpensAfterThresholdRun(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		threshold := rapid.Uint32Range(1, 6).Draw(t, "threshold")
		outcomes := rapid.SliceOfN(rapid.Bool(), 0, 40).Draw(t, "failures")
		b := circuitbreaker.New(circuitbreaker.Settings{FailureThreshold: threshold, OpenTimeout: time.Hour})
		run, open := uint32(0), false
		for i, failing := range outcomes {
			called := false
			err := b.Execute(func() error {
				called = true
				if failing {
					return errBoom
				}
				return nil
			})
			if open {
				if called || !errors.Is(err, circuitbreaker.ErrOpen) {
					t.Fatalf("call %d: open breaker called fn=%v err=%v", i, called, err)
				}
				continue
			}
			if !called {
				t.Fatalf("call %d: closed breaker refused: %v", i, err)
			}
			if failing {
				run++
			} else {
				run = 0
			}
			open = run >= threshold
			want := circuitbreaker.StateClosed
			if open {
				want = circuitbreaker.StateOpen
			}
			if s := b.State(); s != want {
				t.Fatalf("call %d: state %s, want %s (run %d, threshold %d)", i, s, want, run, threshold)
			}
		}
	})
}
