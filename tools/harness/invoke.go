package harness

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/lee-engine/lee/tools/internal/uuid"
)

// Result is the outcome of one invocation the function answered.
type Result struct {
	// RequestID is the Lambda-Runtime-Aws-Request-Id the function was given.
	RequestID string
	// Payload is the response body; nil when the function reported an error.
	Payload []byte
	// Error is the error the function reported; nil on success.
	Error *FunctionError
	// Duration runs from the moment the function received the event to its
	// answer, the span Lambda bills.
	Duration time.Duration
}

// invocation is one event on its way through the Runtime API.
type invocation struct {
	id        string
	event     []byte
	deadline  time.Time
	traceID   string
	delivered time.Time // set when handed out, under Runtime.mu
	abandoned bool      // Invoke stopped waiting; under Runtime.mu
	done      chan answer
}

// answer is what came back for an invocation: a payload, a function error, or
// a harness-level failure (err) such as a protocol violation.
type answer struct {
	payload []byte
	fnErr   *FunctionError
	err     error
	at      time.Time
}

// Invoke sends event to the function with a deadline Settings.Timeout from
// now and waits for its answer. A function error is a successful Invoke whose
// Result.Error is set; Invoke's own error means there was no answer: the
// deadline passed (ErrTimeout), ctx ended, the process failed its init or
// exited (*ExitError), or the Runtime was closed (ErrClosed).
func (r *Runtime) Invoke(ctx context.Context, event []byte) (*Result, error) {
	return r.InvokeWithDeadline(ctx, event, time.Now().Add(r.settings.Timeout))
}

// InvokeWithDeadline is Invoke with the deadline given explicitly: it is sent
// to the function in Lambda-Runtime-Deadline-Ms and Invoke stops waiting when
// it passes. The process keeps running after a timeout; a late answer is
// accepted and dropped.
func (r *Runtime) InvokeWithDeadline(ctx context.Context, event []byte, deadline time.Time) (*Result, error) {
	inv := &invocation{
		id:       uuid.New(),
		event:    event,
		deadline: deadline,
		traceID:  newTraceID(time.Now()),
		done:     make(chan answer, 1),
	}
	select {
	case <-r.closing:
		return nil, r.invokeErr(inv, ErrClosed)
	default:
	}
	if len(event) > MaxPayload {
		return nil, fmt.Errorf("harness: invoke %s: event of %d bytes exceeds Lambda's %d byte limit", inv.id, len(event), MaxPayload)
	}
	if !time.Now().Before(deadline) {
		return nil, r.invokeErr(inv, fmt.Errorf("%w: the deadline %s has already passed", ErrTimeout, deadline.Format(time.RFC3339Nano)))
	}
	ctx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()

	select {
	case r.queue <- inv:
	case <-ctx.Done():
		return nil, r.stopped(ctx, inv)
	case <-r.proc.Exited():
		return nil, r.invokeErr(inv, r.exitError())
	case <-r.initFailed:
		return nil, r.invokeErr(inv, r.initFailure(ctx))
	case <-r.closing:
		return nil, r.invokeErr(inv, ErrClosed)
	}
	select {
	case a := <-inv.done:
		return r.result(inv, a)
	case <-ctx.Done():
		return nil, r.stopped(ctx, inv)
	case <-r.proc.Exited():
		return r.afterExit(inv)
	case <-r.closing:
		r.abandon(inv)
		return nil, r.invokeErr(inv, ErrClosed)
	}
}

func (r *Runtime) result(inv *invocation, a answer) (*Result, error) {
	if a.err != nil {
		return nil, r.invokeErr(inv, a.err)
	}
	r.mu.Lock()
	delivered := inv.delivered
	r.mu.Unlock()
	return &Result{
		RequestID: inv.id,
		Payload:   a.payload,
		Error:     a.fnErr,
		Duration:  a.at.Sub(delivered),
	}, nil
}

// afterExit prefers an answer that raced with the process's exit (a function
// that reports an error and then exits, as aws-lambda-go does after a panic)
// over the exit itself.
func (r *Runtime) afterExit(inv *invocation) (*Result, error) {
	select {
	case a := <-inv.done:
		return r.result(inv, a)
	default:
	}
	r.abandon(inv)
	return nil, r.invokeErr(inv, r.exitError())
}

// stopped explains why waiting ended early: the caller's context, or the
// invocation's own deadline.
func (r *Runtime) stopped(ctx context.Context, inv *invocation) error {
	r.abandon(inv)
	if errors.Is(ctx.Err(), context.DeadlineExceeded) && !time.Now().Before(inv.deadline) {
		return r.invokeErr(inv, fmt.Errorf("%w: no answer by the deadline %s", ErrTimeout, inv.deadline.Format(time.RFC3339Nano)))
	}
	return r.invokeErr(inv, ctx.Err())
}

// abandon marks an invocation the caller stopped waiting for, so a late
// answer is dropped instead of reported as an unknown request id.
func (r *Runtime) abandon(inv *invocation) {
	r.mu.Lock()
	inv.abandoned = true
	r.mu.Unlock()
}

func (r *Runtime) invokeErr(inv *invocation, err error) error {
	return fmt.Errorf("harness: invoke %s: %w", inv.id, err)
}

// exitError describes the process's end; call only after the process has
// been reaped.
func (r *Runtime) exitError() *ExitError {
	e := &ExitError{ExitCode: -1}
	if err := r.proc.WaitErr(); err != nil {
		e.Status = err.Error()
	}
	if state := r.proc.State(); state != nil {
		e.Status = state.String()
		e.ExitCode = state.ExitCode()
	}
	r.mu.Lock()
	e.Init = r.initErr
	r.mu.Unlock()
	return e
}

// initFailure waits, within ctx, for a process that posted an init error to
// exit, so the error can carry both the init error and the exit status.
func (r *Runtime) initFailure(ctx context.Context) *ExitError {
	select {
	case <-r.proc.Exited():
		return r.exitError()
	case <-ctx.Done():
		r.mu.Lock()
		defer r.mu.Unlock()
		return &ExitError{Init: r.initErr, Status: "still running", ExitCode: -1}
	}
}
