package circuitbreaker

import (
	"errors"
	"fmt"
)

// ErrOpen matches, through errors.Is, every error a breaker returns
// instead of calling the protected function, so callers can tell a refusal
// apart from a real failure without a type assertion.
var ErrOpen = errors.New("circuitbreaker: open")

// OpenError is the error Execute returns when it refuses a call: the
// breaker is open, or half-open with all its trial slots taken. The
// protected function was not called.
type OpenError struct {
	// Name is the breaker's name.
	Name string
	// State is the state that refused the call: StateOpen or StateHalfOpen.
	State State
}

// Error says which breaker refused the call and why.
func (e *OpenError) Error() string {
	if e.State == StateHalfOpen {
		return fmt.Sprintf("circuitbreaker %q: %s, trial calls in progress: call refused", e.Name, e.State)
	}
	return fmt.Sprintf("circuitbreaker %q: %s: call refused", e.Name, e.State)
}

// Is reports whether target is ErrOpen, which makes errors.Is(err, ErrOpen)
// hold for every refusal.
func (e *OpenError) Is(target error) bool {
	return target == ErrOpen
}
