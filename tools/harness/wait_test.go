//go:build unix

package harness

import (
	"context"
	"errors"
	"syscall"
	"testing"
)

// TestWaitDeliveredWhileStopped: an event is delivered to a process
// stopped with SIGSTOP (it waits in its socket), and answered once the
// process resumes.
func TestWaitDeliveredWhileStopped(t *testing.T) {
	r := startRuntime(t, Settings{Binary: fakeFunction(t)})
	ctx := testContext(t)
	if res, err := r.Invoke(ctx, []byte(`{"mode":"echo"}`)); err != nil || res.Error != nil {
		t.Fatalf("first invoke: %+v, %v", res, err)
	}
	if err := r.WaitForNext(ctx); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(r.PID(), syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	stopped := true
	defer func() {
		if stopped {
			_ = syscall.Kill(r.PID(), syscall.SIGCONT)
		}
	}()
	type result struct {
		res *Result
		err error
	}
	done := make(chan result, 1)
	go func() {
		res, err := r.Invoke(ctx, []byte(`{"mode":"echo"}`))
		done <- result{res, err}
	}()
	if err := r.WaitDelivered(ctx, 2); err != nil {
		t.Fatal(err)
	}
	select {
	case got := <-done:
		t.Fatalf("a stopped process answered: %+v", got)
	default:
	}
	if err := syscall.Kill(r.PID(), syscall.SIGCONT); err != nil {
		t.Fatal(err)
	}
	stopped = false
	if got := <-done; got.err != nil || got.res.Error != nil {
		t.Fatalf("after SIGCONT: %+v, %v", got.res, got.err)
	}
}

// TestWaitForEndsWithTheContext: a wait for something that does not
// happen ends with the context's error.
func TestWaitForEndsWithTheContext(t *testing.T) {
	r := startRuntime(t, Settings{Binary: fakeFunction(t)})
	ctx, cancel := context.WithCancel(testContext(t))
	cancel()
	if err := r.WaitDelivered(ctx, 1); !errors.Is(err, context.Canceled) {
		t.Fatalf("WaitDelivered = %v, want context.Canceled", err)
	}
}
