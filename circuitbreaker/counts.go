package circuitbreaker

import "github.com/sony/gobreaker/v2"

// Counts is a snapshot of what a breaker has seen since its last state
// change (or, while closed, since the last Interval reset).
type Counts struct {
	// Requests is the number of calls let through.
	Requests uint32
	// TotalSuccesses is the number of calls that succeeded.
	TotalSuccesses uint32
	// TotalFailures is the number of calls that failed.
	TotalFailures uint32
	// ConsecutiveSuccesses is the length of the current run of successes.
	ConsecutiveSuccesses uint32
	// ConsecutiveFailures is the length of the current run of failures.
	ConsecutiveFailures uint32
}

// countsOf copies gobreaker's counters into this package's type.
func countsOf(c gobreaker.Counts) Counts {
	return Counts{
		Requests:             c.Requests,
		TotalSuccesses:       c.TotalSuccesses,
		TotalFailures:        c.TotalFailures,
		ConsecutiveSuccesses: c.ConsecutiveSuccesses,
		ConsecutiveFailures:  c.ConsecutiveFailures,
	}
}
