package harness

import (
	"context"
	"fmt"
)

// count adds d to one of the counters WaitForNext and WaitDelivered watch.
func (r *Runtime) count(counter *int, d int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	*counter += d
	close(r.changed)
	r.changed = make(chan struct{})
}

// WaitForNext blocks until the process is waiting for its next event (its
// request for one is held by the Runtime API), or ctx ends. After an
// answer, it tells a test that the process has gone back to waiting, as a
// Lambda sandbox does before it is frozen.
func (r *Runtime) WaitForNext(ctx context.Context) error {
	return r.waitFor(ctx, "the process to ask for its next event", func() bool { return r.waiting > 0 })
}

// WaitDelivered blocks until at least n events have been written to the
// process (handed over in answer to its request for the next event and
// flushed to its socket), or ctx ends. It lets a test act between an
// event's delivery and its answer: resume a process stopped with SIGSTOP
// once an event is waiting for it, as Lambda thaws a sandbox for one.
func (r *Runtime) WaitDelivered(ctx context.Context, n int) error {
	return r.waitFor(ctx, fmt.Sprintf("event %d to be delivered", n), func() bool { return r.delivered >= n })
}

// waitFor blocks until cond, read under r.mu, holds or ctx ends.
func (r *Runtime) waitFor(ctx context.Context, what string, cond func() bool) error {
	for {
		r.mu.Lock()
		ok, ch := cond(), r.changed
		r.mu.Unlock()
		if ok {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return fmt.Errorf("harness: wait for %s: %w", what, ctx.Err())
		}
	}
}
