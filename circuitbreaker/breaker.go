package circuitbreaker

import (
	"errors"

	"github.com/sony/gobreaker/v2"
)

// Breaker guards calls to one service: after FailureThreshold failures in
// a row it refuses calls at once for OpenTimeout, then lets trial calls
// through to decide whether to close again. A Breaker is safe for
// concurrent use; create it with New.
type Breaker struct {
	name string
	cb   *gobreaker.CircuitBreaker[struct{}]
	// notes queues state changes so OnStateChange runs outside gobreaker's lock.
	notes *notifier
}

// New returns a closed breaker configured by s (zero fields take their
// documented defaults).
func New(s Settings) *Breaker {
	s = s.withDefaults()
	b := &Breaker{name: s.Name}
	gs := gobreaker.Settings{
		Name:        s.Name,
		MaxRequests: s.HalfOpenMaxRequests,
		Interval:    s.Interval,
		Timeout:     s.OpenTimeout,
		ReadyToTrip: tripAfter(s.FailureThreshold),
	}
	if s.IsFailure != nil {
		isFailure := s.IsFailure
		gs.IsSuccessful = func(err error) bool { return err == nil || !isFailure(err) }
	}
	if s.OnStateChange != nil {
		b.notes = newNotifier(s.Name, s.OnStateChange)
		gs.OnStateChange = b.notes.record
	}
	b.cb = gobreaker.NewCircuitBreaker[struct{}](gs)
	return b
}

// tripAfter opens the breaker once the run of consecutive failures reaches
// threshold, so FailureThreshold means exactly the failures that open it
// (gobreaker's built-in rule trips only after more than five).
func tripAfter(threshold uint32) func(gobreaker.Counts) bool {
	return func(c gobreaker.Counts) bool { return c.ConsecutiveFailures >= threshold }
}

// Execute calls fn when the breaker lets it through and returns fn's error
// unchanged, whether or not IsFailure counted it. When the breaker is open,
// or half-open with every trial slot taken, fn is not called and Execute
// returns an *OpenError (errors.Is(err, ErrOpen) holds). A panic in fn
// counts as a failure and is passed on.
func (b *Breaker) Execute(fn func() error) error {
	if b.notes != nil {
		defer b.notes.flush()
	}
	_, err := b.cb.Execute(func() (struct{}, error) { return struct{}{}, fn() })
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gobreaker.ErrOpenState):
		return &OpenError{Name: b.name, State: StateOpen}
	case errors.Is(err, gobreaker.ErrTooManyRequests):
		return &OpenError{Name: b.name, State: StateHalfOpen}
	default:
		return err
	}
}

// State returns the breaker's current state. An open breaker whose
// OpenTimeout has passed becomes half-open here.
func (b *Breaker) State() State {
	if b.notes != nil {
		defer b.notes.flush()
	}
	return stateOf(b.cb.State())
}

// Name returns the name the breaker was created with.
func (b *Breaker) Name() string {
	return b.name
}

// Counts returns a snapshot of the breaker's counters.
func (b *Breaker) Counts() Counts {
	return countsOf(b.cb.Counts())
}
