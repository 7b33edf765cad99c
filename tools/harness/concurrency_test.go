package harness

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

// overlapDeadline is how long an invocation that can never be delivered or
// answered waits before it times out; the tests expect exactly that timeout,
// and the span only has to be long enough for a harness that wrongly
// delivered the event to show it.
const overlapDeadline = time.Second

// outcome is what Invoke returned, for tests that invoke from goroutines.
type outcome struct {
	res *Result
	err error
}

// invokeAsync runs Invoke in a goroutine the test waits for through the
// returned channel.
func invokeAsync(ctx context.Context, r *Runtime, event []byte, deadline time.Time) <-chan outcome {
	ch := make(chan outcome, 1)
	go func() {
		res, err := r.InvokeWithDeadline(ctx, event, deadline)
		ch <- outcome{res, err}
	}()
	return ch
}

// wantReleased fails the test unless o is the gate event name's own answer.
func wantReleased(t *testing.T, name string, o outcome) {
	t.Helper()
	if o.err != nil || o.res.Error != nil {
		t.Fatalf("%s: res=%+v err=%v", name, o.res, o.err)
	}
	var got released
	if err := json.Unmarshal(o.res.Payload, &got); err != nil {
		t.Fatalf("%s: payload %s: %v", name, o.res.Payload, err)
	}
	if got.RequestID != o.res.RequestID || got.Gate != "released "+name {
		t.Errorf("%s (request %s) was answered with %+v", name, o.res.RequestID, got)
	}
}

// TestConcurrentInvocationsOverlap runs four invocations through four
// workers at once: all four are held at the gate together, which only
// happens when the harness hands out four events without waiting for an
// answer, and each gets its own answer back.
func TestConcurrentInvocationsOverlap(t *testing.T) {
	const n = 4
	g := newGate(t)
	r := startRuntime(t, Settings{Binary: fakeFunction(t), MaxConcurrency: n})
	ctx := testContext(t)
	deadline := time.Now().Add(time.Minute)
	names := make([]string, n)
	results := make([]<-chan outcome, n)
	for i := range n {
		names[i] = fmt.Sprintf("inv-%d", i)
		results[i] = invokeAsync(ctx, r, g.event(names[i]), deadline)
	}
	arrived := g.await(ctx, t, n)
	slices.Sort(arrived)
	if !slices.Equal(arrived, names) {
		t.Fatalf("held at the gate together: %v, want %v", arrived, names)
	}
	for i := n - 1; i >= 0; i-- {
		g.release(names[i])
		wantReleased(t, names[i], <-results[i])
	}
	res, err := r.Invoke(ctx, []byte(`{"mode":"echo"}`))
	if err != nil || res.Error != nil {
		t.Fatalf("echo: res=%+v err=%v", res, err)
	}
	var got echoed
	if err := json.Unmarshal(res.Payload, &got); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(got.Env, "AWS_LAMBDA_MAX_CONCURRENCY=4") {
		t.Errorf("the function was not told it may run %d invocations at once: %v", n, got.Env)
	}
}

// TestConcurrentNextDoesNotSettleOthers: with overlapping invocations, a
// worker asking for the next event ends nothing; an invocation its worker
// drops is settled by its own deadline, and one still running elsewhere is
// settled by its own answer.
func TestConcurrentNextDoesNotSettleOthers(t *testing.T) {
	g := newGate(t)
	r := startRuntime(t, Settings{Binary: fakeFunction(t), MaxConcurrency: 2})
	ctx := testContext(t)
	held := invokeAsync(ctx, r, g.event("held"), time.Now().Add(time.Minute))
	g.await(ctx, t, 1)
	_, err := r.InvokeWithDeadline(ctx, []byte(`{"mode":"skip"}`), time.Now().Add(overlapDeadline))
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("dropped invocation: err = %v, want ErrTimeout", err)
	}
	g.release("held")
	wantReleased(t, "held", <-held)
	res, err := r.Invoke(ctx, []byte(`{"mode":"echo"}`))
	if err != nil || res.Error != nil {
		t.Fatalf("after a dropped invocation: res=%+v err=%v", res, err)
	}
}

// TestConcurrentSlotsBoundInFlight: with MaxConcurrency 2 and both workers
// held, a third poller for the next event (as a function running more
// workers than it was told would be) gets nothing, so a third invocation
// times out undelivered; once the held ones are answered, invocations flow
// again.
func TestConcurrentSlotsBoundInFlight(t *testing.T) {
	g := newGate(t)
	r, err := Start(context.Background(), Settings{Binary: fakeFunction(t), MaxConcurrency: 2})
	if err != nil {
		t.Fatal(err)
	}
	ctx := testContext(t)
	deadline := time.Now().Add(time.Minute)
	a := invokeAsync(ctx, r, g.event("a"), deadline)
	b := invokeAsync(ctx, r, g.event("b"), deadline)
	g.await(ctx, t, 2)

	extra := make(chan string, 1)
	go func() { extra <- pollOnce(r.Addr()) }()
	if _, err := r.InvokeWithDeadline(ctx, []byte(`{"mode":"echo"}`), time.Now().Add(overlapDeadline)); !errors.Is(err, ErrTimeout) {
		t.Errorf("third invocation with two in flight: err = %v, want ErrTimeout (never delivered)", err)
	}
	g.release("a")
	wantReleased(t, "a", <-a)
	g.release("b")
	wantReleased(t, "b", <-b)
	if res, err := r.Invoke(ctx, []byte(`{"mode":"echo"}`)); err != nil || res.Error != nil {
		t.Errorf("after the held invocations: res=%+v err=%v", res, err)
	}
	if err := r.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	// The extra poller may have served the last echo; it ends with Close.
	t.Logf("extra poller: %s", <-extra)
}

// pollOnce asks the Runtime API at addr for one event as an extra worker
// and answers it, reporting what happened.
func pollOnce(addr string) string {
	base := "http://" + addr + apiPrefix
	resp, err := http.Get(base + "/invocation/next")
	if err != nil {
		return "no event: " + err.Error()
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Sprintf("no event: status %d", resp.StatusCode)
	}
	id := resp.Header.Get(headerRequestID)
	ans, err := http.Post(base+"/invocation/"+id+"/response", "application/json", strings.NewReader(`{"extra":true}`))
	if err != nil {
		return "got request " + id + ", answer failed: " + err.Error()
	}
	ans.Body.Close()
	return "got request " + id
}
