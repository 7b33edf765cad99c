package initialization

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// Settings configures a Tracker.
type Settings struct {
	// Start is the moment initialisation began. Zero means the moment New
	// is called, read from Now.
	Start time.Time

	// Now is the clock used to time steps, Done and Uptime. Nil means
	// time.Now; tests set it to move time by hand instead of sleeping.
	Now func() time.Time
}

// Tracker records how a process started and how many invocations it has
// served. It is safe for concurrent use.
type Tracker struct {
	now   func() time.Time
	start time.Time

	invocations atomic.Uint64

	mu     sync.Mutex
	steps  []Step
	done   bool
	doneAt time.Time
}

// Default is the process's tracker, started when this package initialised.
// Only the runtime's start-up and a few standard library packages precede
// that moment, so it stands for the process start: Uptime and InitDuration
// include the initialisation of every package that imports this one.
var Default = NewTracker(time.Now())

// New returns a Tracker configured by s.
func New(s Settings) *Tracker {
	if s.Now == nil {
		s.Now = time.Now
	}
	if s.Start.IsZero() {
		s.Start = s.Now()
	}
	return &Tracker{now: s.Now, start: s.Start}
}

// NewTracker returns a Tracker started at start that reads the real clock.
func NewTracker(start time.Time) *Tracker {
	return New(Settings{Start: start})
}

// Step runs fn as the init step called name, records how long it took and
// the text of its error, and returns that error wrapped with the step's
// name. Steps are listed in the order they finish. A step may also run after
// Done, for work done lazily on first use; it does not change InitDuration.
// The recorded error text is reported by Snapshot, so fn must keep secrets
// out of its errors.
func (t *Tracker) Step(name string, fn func() error) error {
	if fn == nil {
		err := fmt.Errorf("init step %q: function is nil", name)
		t.record(Step{Name: name, Err: err.Error()})
		return err
	}
	begin := t.now()
	err := fn()
	d := t.now().Sub(begin)
	step := Step{Name: name, Duration: d, DurationMS: milliseconds(d)}
	if err != nil {
		step.Err = err.Error()
		err = fmt.Errorf("init step %q: %w", name, err)
	}
	t.record(step)
	return err
}

func (t *Tracker) record(s Step) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.steps = append(t.steps, s)
}

// Done marks initialisation finished; InitDuration is measured from the
// start to the first call, and later calls change nothing.
func (t *Tracker) Done() {
	now := t.now()
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.done {
		t.done, t.doneAt = true, now
	}
}

// Invocation counts the start of an invocation and reports whether it is
// the first one of the process: the cold start.
func (t *Tracker) Invocation() (cold bool) {
	return t.invocations.Add(1) == 1
}
