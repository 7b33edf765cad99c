package initialization

import (
	"slices"
	"time"
)

// Step is one timed init step. Durations appear both as nanoseconds and as
// fractional milliseconds, the unit Lambda reports, so a logged snapshot
// reads well without conversion.
type Step struct {
	Name       string        `json:"name"`
	Duration   time.Duration `json:"durationNs"`
	DurationMS float64       `json:"durationMs"`
	// Err is the text of the step's error; empty when it succeeded.
	Err string `json:"error,omitempty"`
}

// Snapshot is a copy of a Tracker's state, ready to be logged as JSON.
type Snapshot struct {
	// ColdStart is true until the second invocation begins: the first
	// invocation of a sandbox pays for initialisation.
	ColdStart bool `json:"coldStart"`
	// Invocations counts the invocations begun so far.
	Invocations uint64 `json:"invocations"`
	// InitDone tells whether Done has been called.
	InitDone bool `json:"initDone"`
	// InitDuration runs from Started to the first Done; zero before it.
	InitDuration time.Duration `json:"initDurationNs"`
	InitMS       float64       `json:"initMs"`
	// Started is the tracker's start.
	Started time.Time `json:"started"`
	// Uptime runs from Started to the moment of the snapshot.
	Uptime   time.Duration `json:"uptimeNs"`
	UptimeMS float64       `json:"uptimeMs"`
	// Steps lists the init steps in the order they finished; never nil.
	Steps []Step `json:"steps"`
}

// Snapshot returns a copy of the tracker's state.
func (t *Tracker) Snapshot() Snapshot {
	now := t.now()
	invocations := t.invocations.Load()
	t.mu.Lock()
	defer t.mu.Unlock()
	s := Snapshot{
		ColdStart:   invocations < 2,
		Invocations: invocations,
		InitDone:    t.done,
		Started:     t.start,
		Uptime:      now.Sub(t.start),
		Steps:       slices.Clone(t.steps),
	}
	if s.Steps == nil {
		s.Steps = []Step{}
	}
	if t.done {
		s.InitDuration = t.doneAt.Sub(t.start)
	}
	s.InitMS, s.UptimeMS = milliseconds(s.InitDuration), milliseconds(s.Uptime)
	return s
}

// milliseconds converts d to fractional milliseconds.
func milliseconds(d time.Duration) float64 {
	return float64(d) / float64(time.Millisecond)
}
