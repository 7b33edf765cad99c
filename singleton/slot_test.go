package singleton_test

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/lee-engine/lee/singleton"
)

func TestSlotBuildsOnce(t *testing.T) {
	var s singleton.Slot[int]
	if s.Loaded() != nil || s.Stats().Built {
		t.Fatal("a zero Slot is not empty")
	}
	var builds atomic.Int32
	release := make(chan struct{})
	build := func() (*int, error) {
		builds.Add(1)
		<-release
		v := 42
		return &v, nil
	}
	const callers = 16
	var wg sync.WaitGroup
	got := make([]*int, callers)
	for i := range callers {
		wg.Go(func() {
			v, err := s.Get(build)
			if err != nil {
				t.Error(err)
			}
			got[i] = v
		})
	}
	close(release)
	wg.Wait()
	if n := builds.Load(); n != 1 {
		t.Fatalf("build ran %d times for %d concurrent callers, want 1", n, callers)
	}
	for i, v := range got {
		if v == nil || v != got[0] || *v != 42 {
			t.Fatalf("caller %d got %v, want the one shared instance", i, v)
		}
	}
	if st := s.Stats(); !st.Built || st.Failures != 0 || s.Loaded() != got[0] {
		t.Errorf("Stats = %+v, Loaded = %v", st, s.Loaded())
	}
}

func TestSlotRetriesAfterFailure(t *testing.T) {
	var s singleton.Slot[string]
	errNotYet := errors.New("parameter not there yet")
	if _, err := s.Get(func() (*string, error) { return nil, errNotYet }); !errors.Is(err, errNotYet) {
		t.Fatalf("first Get: err = %v", err)
	}
	if _, err := s.Get(func() (*string, error) { return nil, nil }); !errors.Is(err, singleton.ErrNothingBuilt) {
		t.Fatalf("nil value and nil error: err = %v, want ErrNothingBuilt", err)
	}
	func() {
		defer func() { _ = recover() }()
		_, _ = s.Get(func() (*string, error) { panic("build panicked") })
	}()
	v, err := s.Get(func() (*string, error) { x := "ok"; return &x, nil })
	if err != nil || *v != "ok" {
		t.Fatalf("Get after failures = %v, %v", v, err)
	}
	if st := s.Stats(); !st.Built || st.Failures != 2 {
		t.Errorf("Stats = %+v; want built after 2 counted failures (a panic is not counted, only not kept)", st)
	}
}
