package circuitbreaker_test

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lee-engine/lee/circuitbreaker"
)

// TestConcurrentUse hammers one breaker from several goroutines (run it
// under -race) and checks that the reported state changes form one
// unbroken chain starting from CLOSED, delivered in order.
func TestConcurrentUse(t *testing.T) {
	rec := &recorder{}
	b := circuitbreaker.New(circuitbreaker.Settings{
		Name: "ha", FailureThreshold: 3, OpenTimeout: time.Microsecond,
		HalfOpenMaxRequests: 2, OnStateChange: rec.record,
	})
	const workers, calls = 8, 200
	var wg sync.WaitGroup
	var mu sync.Mutex
	refused, ran := 0, 0
	for w := range workers {
		wg.Go(func() {
			for i := range calls {
				fn := succeed
				if (w+i)%3 != 0 {
					fn = fail
				}
				err := b.Execute(fn)
				mu.Lock()
				if errors.Is(err, circuitbreaker.ErrOpen) {
					refused++
				} else {
					ran++
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if refused+ran != workers*calls {
		t.Fatalf("refused %d + ran %d != %d calls", refused, ran, workers*calls)
	}
	moves := rec.snapshot()
	if len(moves) == 0 {
		t.Fatal("no state change was reported although most calls failed")
	}
	prev := "CLOSED"
	for i, m := range moves {
		from, to, ok := strings.Cut(strings.TrimPrefix(m, "ha:"), "->")
		if !ok || from != prev || from == to {
			t.Fatalf("change %d %q does not follow %s (all: %v)", i, m, prev, moves)
		}
		prev = to
	}
	if got := b.State().String(); got != prev && !(prev == "OPEN" && got == "HALF_OPEN") {
		t.Fatalf("final state %s does not match the last reported change %s", got, prev)
	}
}
