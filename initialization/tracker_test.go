package initialization

import (
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestStepsAreTimedAndOrdered(t *testing.T) {
	clock := newFakeClock()
	tr := New(Settings{Now: clock.Now})
	errConfig := errors.New("HA_URL is not set")

	steps := []struct {
		name string
		took time.Duration
		err  error
	}{
		{"config", 3 * time.Millisecond, nil},
		{"logger", 250 * time.Microsecond, nil},
		{"token", 40 * time.Millisecond, errConfig},
	}
	for _, st := range steps {
		err := tr.Step(st.name, func() error {
			clock.Advance(st.took)
			return st.err
		})
		if !errors.Is(err, st.err) {
			t.Fatalf("Step(%q) returned %v, want %v", st.name, err, st.err)
		}
		if err != nil && !strings.Contains(err.Error(), st.name) {
			t.Fatalf("Step(%q) error %q does not name the step", st.name, err)
		}
	}

	got := tr.Snapshot().Steps
	if len(got) != len(steps) {
		t.Fatalf("%d steps recorded, want %d", len(got), len(steps))
	}
	for i, st := range steps {
		want := Step{Name: st.name, Duration: st.took, DurationMS: float64(st.took) / 1e6}
		if st.err != nil {
			want.Err = st.err.Error()
		}
		if got[i] != want {
			t.Errorf("step %d = %+v, want %+v", i, got[i], want)
		}
	}
}

func TestStepWithNilFunction(t *testing.T) {
	tr := New(Settings{Now: newFakeClock().Now})
	err := tr.Step("broken", nil)
	if err == nil || !strings.Contains(err.Error(), "nil") {
		t.Fatalf("Step with nil fn = %v, want an error", err)
	}
	if steps := tr.Snapshot().Steps; len(steps) != 1 || steps[0].Err == "" {
		t.Fatalf("steps = %+v, want the failure recorded", steps)
	}
}

func TestDoneMeasuresInitOnce(t *testing.T) {
	clock := newFakeClock()
	tr := New(Settings{Start: clock.Now().Add(-20 * time.Millisecond), Now: clock.Now})
	if s := tr.Snapshot(); s.InitDone || s.InitDuration != 0 {
		t.Fatalf("before Done: %+v", s)
	}
	clock.Advance(5 * time.Millisecond)
	tr.Done()
	clock.Advance(time.Second)
	tr.Done()

	s := tr.Snapshot()
	if !s.InitDone || s.InitDuration != 25*time.Millisecond || s.InitMS != 25 {
		t.Fatalf("InitDone=%v InitDuration=%v InitMS=%v; want true, 25ms, 25", s.InitDone, s.InitDuration, s.InitMS)
	}
	if s.Uptime != 1025*time.Millisecond || s.UptimeMS != 1025 {
		t.Fatalf("Uptime=%v UptimeMS=%v; want 1.025s", s.Uptime, s.UptimeMS)
	}
}

func TestColdStart(t *testing.T) {
	tr := New(Settings{Now: newFakeClock().Now})
	tests := []struct {
		name      string
		invoke    bool
		wantCold  bool // Invocation's answer
		snapCold  bool
		snapCount uint64
	}{
		{"before any invocation", false, false, true, 0},
		{"first invocation", true, true, true, 1},
		{"second invocation", true, false, false, 2},
		{"third invocation", true, false, false, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.invoke {
				if cold := tr.Invocation(); cold != tt.wantCold {
					t.Fatalf("Invocation() = %v, want %v", cold, tt.wantCold)
				}
			}
			s := tr.Snapshot()
			if s.ColdStart != tt.snapCold || s.Invocations != tt.snapCount {
				t.Fatalf("ColdStart=%v Invocations=%d; want %v, %d", s.ColdStart, s.Invocations, tt.snapCold, tt.snapCount)
			}
		})
	}
}

func TestConcurrentUse(t *testing.T) {
	tr := New(Settings{Now: newFakeClock().Now})
	const workers = 32
	var cold atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			if tr.Invocation() {
				cold.Add(1)
			}
			_ = tr.Step("parallel", func() error { return nil })
			tr.Done()
			_ = tr.Snapshot()
		})
	}
	wg.Wait()
	s := tr.Snapshot()
	if cold.Load() != 1 || s.Invocations != workers || len(s.Steps) != workers {
		t.Fatalf("cold=%d invocations=%d steps=%d; want 1, %d, %d", cold.Load(), s.Invocations, len(s.Steps), workers, workers)
	}
}

func TestSnapshotIsACopy(t *testing.T) {
	tr := New(Settings{Now: newFakeClock().Now})
	_ = tr.Step("a", func() error { return nil })
	s := tr.Snapshot()
	s.Steps[0].Name = "changed"
	if got := tr.Snapshot().Steps[0].Name; got != "a" {
		t.Fatalf("changing a snapshot changed the tracker: step is %q", got)
	}
}

func TestNewDefaults(t *testing.T) {
	before := time.Now()
	tr := New(Settings{})
	after := time.Now()
	s := tr.Snapshot()
	if s.Started.Before(before) || s.Started.After(after) {
		t.Fatalf("Started %v is not the moment New ran", s.Started)
	}
	if len(s.Steps) != 0 || s.Steps == nil {
		t.Fatalf("Steps = %#v, want an empty, non-nil list", s.Steps)
	}
	if start := NewTracker(before).Snapshot().Started; !start.Equal(before) {
		t.Fatalf("NewTracker start = %v, want %v", start, before)
	}
}

func TestDefaultStartedAtInit(t *testing.T) {
	s := Default.Snapshot()
	if s.Started.IsZero() || s.Started.After(time.Now()) {
		t.Fatalf("Default started at %v", s.Started)
	}
	if s.Uptime < 0 {
		t.Fatalf("Default uptime %v is negative", s.Uptime)
	}
}
