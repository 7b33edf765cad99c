package circuitbreaker

import "time"

// Default values used when a Settings field is left at its zero value.
const (
	DefaultFailureThreshold    uint32        = 5
	DefaultOpenTimeout         time.Duration = 30 * time.Second
	DefaultHalfOpenMaxRequests uint32        = 1
)

// Settings configures one breaker. The zero value is usable: every field
// has a documented default.
//
// Name identifies the breaker in OpenError and OnStateChange. Zero value:
// "".
//
// FailureThreshold is how many failures in a row open a closed breaker.
// Zero value: 5.
//
// OpenTimeout is how long an open breaker refuses calls before it lets
// trial calls through (HALF_OPEN). The switch happens on the first call of
// Execute or State after the timeout, not on a timer. Zero or negative: 30s.
//
// HalfOpenMaxRequests is how many trial calls a half-open breaker lets
// through at once; that many successes in a row close it, and any failure
// reopens it. Zero value: 1.
//
// Interval is the period after which a closed breaker forgets its counts,
// so that rare failures spread over a long time never open it. Zero or
// negative: counts are never reset while closed (only a success resets the
// run of consecutive failures).
//
// IsFailure decides whether a non-nil error returned by the protected
// function counts against the service. It is never called with nil, which
// always counts as a success. An error it rejects counts as a success and
// is still returned to the caller unchanged. Zero value (nil): every
// non-nil error is a failure.
//
// OnStateChange, when not nil, is told of every state change, in the order
// they happen and never concurrently with itself. It runs after the
// breaker's lock is released, on the goroutine of whichever call noticed a
// change, so it may call the breaker's methods. Zero value: no callback.
type Settings struct {
	Name                string
	FailureThreshold    uint32
	OpenTimeout         time.Duration
	HalfOpenMaxRequests uint32
	Interval            time.Duration
	IsFailure           func(error) bool
	OnStateChange       func(name string, from, to State)
}

// withDefaults returns s with every zero field replaced by its default.
func (s Settings) withDefaults() Settings {
	if s.FailureThreshold == 0 {
		s.FailureThreshold = DefaultFailureThreshold
	}
	if s.OpenTimeout <= 0 {
		s.OpenTimeout = DefaultOpenTimeout
	}
	if s.HalfOpenMaxRequests == 0 {
		s.HalfOpenMaxRequests = DefaultHalfOpenMaxRequests
	}
	if s.Interval < 0 {
		s.Interval = 0
	}
	return s
}
