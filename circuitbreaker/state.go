package circuitbreaker

import (
	"strconv"

	"github.com/sony/gobreaker/v2"
)

// State is where a breaker stands. Its values are ordered by how much
// traffic the breaker lets through: all, a few trial calls, none.
type State int

// The three states of a breaker.
const (
	// StateClosed lets every call through and counts failures.
	StateClosed State = iota
	// StateHalfOpen lets a few trial calls through to learn whether the
	// protected service is back.
	StateHalfOpen
	// StateOpen refuses every call at once until OpenTimeout has passed.
	StateOpen
)

// String returns the state in the upper-case form used in logs and
// dashboards: "CLOSED", "HALF_OPEN" or "OPEN".
func (s State) String() string {
	switch s {
	case StateClosed:
		return "CLOSED"
	case StateHalfOpen:
		return "HALF_OPEN"
	case StateOpen:
		return "OPEN"
	default:
		return "State(" + strconv.Itoa(int(s)) + ")"
	}
}

// stateOf translates gobreaker's state so that gobreaker never shows in
// this package's API.
func stateOf(s gobreaker.State) State {
	switch s {
	case gobreaker.StateHalfOpen:
		return StateHalfOpen
	case gobreaker.StateOpen:
		return StateOpen
	default:
		return StateClosed
	}
}
