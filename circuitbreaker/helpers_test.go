package circuitbreaker_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/lee-engine/lee/circuitbreaker"
)

// errBoom is the failure the protected functions of these tests return.
var errBoom = errors.New("boom")

func fail() error { return errBoom }

func succeed() error { return nil }

// recorder collects OnStateChange calls for later assertions.
type recorder struct {
	mu    sync.Mutex
	moves []string
}

func (r *recorder) record(name string, from, to circuitbreaker.State) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.moves = append(r.moves, fmt.Sprintf("%s:%s->%s", name, from, to))
}

func (r *recorder) snapshot() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.moves...)
}

// waitState polls State until it reports want. Breakers leave OPEN only
// when asked after their OpenTimeout, so polling is the way to observe it;
// the bound only catches a breaker that never gets there.
func waitState(t *testing.T, b *circuitbreaker.Breaker, want circuitbreaker.State) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for b.State() != want {
		if time.Now().After(deadline) {
			t.Fatalf("breaker %q stayed %s, want %s", b.Name(), b.State(), want)
		}
		time.Sleep(100 * time.Microsecond)
	}
}

// mustOpenError checks that err is a refusal by the named breaker in state.
func mustOpenError(t *testing.T, err error, name string, state circuitbreaker.State) {
	t.Helper()
	if !errors.Is(err, circuitbreaker.ErrOpen) {
		t.Fatalf("error %v does not match ErrOpen", err)
	}
	var oe *circuitbreaker.OpenError
	if !errors.As(err, &oe) {
		t.Fatalf("error %v is %T, want *OpenError", err, err)
	}
	if oe.Name != name || oe.State != state {
		t.Fatalf("OpenError = {%q %s}, want {%q %s}", oe.Name, oe.State, name, state)
	}
}

func equalMoves(t *testing.T, got, want []string) {
	t.Helper()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("state changes = %v, want %v", got, want)
	}
}
