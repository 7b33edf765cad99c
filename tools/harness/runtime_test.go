package harness

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// echoed is what fakefn's default mode answers.
type echoed struct {
	RequestID   string          `json:"requestId"`
	DeadlineMs  string          `json:"deadlineMs"`
	FunctionArn string          `json:"functionArn"`
	TraceID     string          `json:"traceId"`
	Event       json.RawMessage `json:"event"`
	Env         []string        `json:"env"`
}

func TestInvokeDeliversEventHeadersAndEnvironment(t *testing.T) {
	t.Setenv("LEE_HARNESS_PARENT_ONLY", "must-not-leak")
	r := startRuntime(t, Settings{
		Binary:       fakeFunction(t),
		Env:          []string{"HA_URL=http://127.0.0.1:1", "AWS_REGION=eu-west-1", "AWS_LAMBDA_RUNTIME_API=127.0.0.1:1"},
		FunctionName: "kitchen",
		MemoryMB:     256,
	})
	deadline := time.Now().Add(time.Minute)
	event := []byte(`{"mode":"echo","n":1}`)
	res, err := r.InvokeWithDeadline(testContext(t), event, deadline)
	if err != nil {
		t.Fatalf("Invoke: %v", err)
	}
	if res.Error != nil {
		t.Fatalf("function error: %v", res.Error)
	}
	var got echoed
	if err := json.Unmarshal(res.Payload, &got); err != nil {
		t.Fatalf("payload %s: %v", res.Payload, err)
	}
	if got.RequestID != res.RequestID || !regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(got.RequestID) {
		t.Errorf("request id: function saw %q, result has %q", got.RequestID, res.RequestID)
	}
	if got.DeadlineMs != strconv.FormatInt(deadline.UnixMilli(), 10) {
		t.Errorf("deadline header = %s, want %d", got.DeadlineMs, deadline.UnixMilli())
	}
	if got.FunctionArn != "arn:aws:lambda:us-east-1:000000000000:function:kitchen" {
		t.Errorf("function ARN = %q", got.FunctionArn)
	}
	if !regexp.MustCompile(`^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$`).MatchString(got.TraceID) {
		t.Errorf("trace id = %q", got.TraceID)
	}
	if !bytes.Equal(got.Event, event) {
		t.Errorf("event = %s, want %s", got.Event, event)
	}
	for _, want := range []string{
		"HA_URL=http://127.0.0.1:1", "AWS_REGION=eu-west-1", "AWS_LAMBDA_FUNCTION_NAME=kitchen",
		"AWS_LAMBDA_FUNCTION_MEMORY_SIZE=256", "AWS_LAMBDA_FUNCTION_VERSION=$LATEST",
		"_HANDLER=bootstrap", "AWS_LAMBDA_RUNTIME_API=" + r.Addr(),
	} {
		if !slices.Contains(got.Env, want) {
			t.Errorf("environment lacks %s", want)
		}
	}
	for _, kv := range got.Env {
		if strings.HasPrefix(kv, "LEE_HARNESS_PARENT_ONLY=") {
			t.Errorf("parent variable leaked into the function: %s", kv)
		}
		if strings.HasPrefix(kv, "AWS_LAMBDA_MAX_CONCURRENCY=") {
			t.Errorf("one invocation at a time, yet the function was given %s", kv)
		}
	}
	if res.Duration <= 0 {
		t.Errorf("Duration = %v, want > 0", res.Duration)
	}
}

func TestInvokeFunctionErrors(t *testing.T) {
	r := startRuntime(t, Settings{Binary: fakeFunction(t)})
	tests := []struct {
		mode     string
		wantType string
		wantMsg  string
	}{
		{"fail", "FakeError", "boom"},
		{"headerfail", "HeaderType", "plain failure"},
		{"trailer", "StreamError", "stream broke"},
		{"big", "Function.ResponseSizeTooLarge", "Response payload size exceeded maximum allowed payload size (6291456 bytes)."},
	}
	for _, tc := range tests {
		t.Run(tc.mode, func(t *testing.T) {
			res, err := r.Invoke(testContext(t), []byte(`{"mode":"`+tc.mode+`"}`))
			if err != nil {
				t.Fatalf("Invoke: %v", err)
			}
			if res.Error == nil {
				t.Fatalf("no function error; payload %q", res.Payload)
			}
			if res.Error.Type != tc.wantType || res.Error.Message != tc.wantMsg {
				t.Errorf("error = %q / %q, want %q / %q", res.Error.Type, res.Error.Message, tc.wantType, tc.wantMsg)
			}
			if res.Payload != nil {
				t.Errorf("payload %q alongside an error", res.Payload)
			}
		})
	}
}

func TestInvokeProtocolViolations(t *testing.T) {
	r := startRuntime(t, Settings{Binary: fakeFunction(t)})
	t.Run("next without answering", func(t *testing.T) {
		_, err := r.Invoke(testContext(t), []byte(`{"mode":"skip"}`))
		if err == nil || !strings.Contains(err.Error(), "asked for the next event without answering") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("answer to an unknown request id", func(t *testing.T) {
		res, err := r.Invoke(testContext(t), []byte(`{"mode":"wrongid"}`))
		if err != nil {
			t.Fatalf("Invoke: %v", err)
		}
		if string(res.Payload) != `{"wrongIDStatus":400}` {
			t.Errorf("payload = %s, want the 400 the API gave the stray answer", res.Payload)
		}
	})
}

// TestInvokeTimeoutThenRecovers: an invocation the function answers only
// after its deadline is a timeout; the late answer is accepted and dropped
// (it does not become the next invocation's result), and the process goes
// on serving. The function is held at a gate until the timeout has been
// reported, so its answer is late by construction, not by a race with the
// timer.
func TestInvokeTimeoutThenRecovers(t *testing.T) {
	g := newGate(t)
	r := startRuntime(t, Settings{Binary: fakeFunction(t)})
	ctx := testContext(t)
	if res, err := r.Invoke(ctx, []byte(`{"mode":"echo"}`)); err != nil || res.Error != nil {
		t.Fatalf("warm-up: res=%+v err=%v", res, err)
	}
	late := invokeAsync(ctx, r, g.event("late"), time.Now().Add(overlapDeadline))
	g.await(ctx, t, 1)
	if o := <-late; !errors.Is(o.err, ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", o.err)
	}
	g.release("late")
	res, err := r.Invoke(ctx, []byte(`{"mode":"echo"}`))
	if err != nil || res.Error != nil {
		t.Fatalf("after a timeout: res=%+v err=%v", res, err)
	}
	var got echoed
	if err := json.Unmarshal(res.Payload, &got); err != nil || got.RequestID != res.RequestID {
		t.Errorf("after a timeout the answer was %s (%v), want the echo of request %s", res.Payload, err, res.RequestID)
	}
	if !r.Alive() {
		t.Error("process died after a timeout")
	}
}

func TestInvokeRefusals(t *testing.T) {
	r := startRuntime(t, Settings{Binary: fakeFunction(t)})
	ctx := testContext(t)
	if _, err := r.InvokeWithDeadline(ctx, []byte(`{}`), time.Now().Add(-time.Second)); !errors.Is(err, ErrTimeout) {
		t.Errorf("past deadline: err = %v, want ErrTimeout", err)
	}
	if _, err := r.Invoke(ctx, make([]byte, MaxPayload+1)); err == nil || !strings.Contains(err.Error(), "exceeds") {
		t.Errorf("oversized event: err = %v", err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := r.Invoke(cancelled, []byte(`{}`)); err == nil || errors.Is(err, ErrTimeout) {
		t.Errorf("cancelled context: err = %v, want the context's error", err)
	}
}

func TestInvokeAfterProcessEnds(t *testing.T) {
	tests := []struct {
		name     string
		init     string
		event    string
		wantCode int
		wantInit string
		wantLog  string
	}{
		{"init error posted", "initerror", `{}`, 3, "Runtime.FakeInit: missing HA_URL", "fakefn: init failed"},
		{"exit during init", "exit", `{}`, 2, "", "fakefn: exiting at init"},
		{"exit during invocation", "", `{"mode":"crash"}`, 4, "", "fakefn stderr"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := startRuntime(t, Settings{Binary: fakeFunction(t), Env: []string{"FAKEFN_INIT=" + tc.init}})
			_, err := r.Invoke(testContext(t), []byte(tc.event))
			var exit *ExitError
			if !errors.As(err, &exit) {
				t.Fatalf("err = %v, want *ExitError", err)
			}
			if exit.ExitCode != tc.wantCode || exit.Status != "exit status "+strconv.Itoa(tc.wantCode) {
				t.Errorf("exit = %d %q, want %d", exit.ExitCode, exit.Status, tc.wantCode)
			}
			gotInit := ""
			if exit.Init != nil {
				gotInit = exit.Init.Error()
			}
			if gotInit != tc.wantInit {
				t.Errorf("init error = %q, want %q", gotInit, tc.wantInit)
			}
			if !strings.Contains(string(r.Stderr()), tc.wantLog) {
				t.Errorf("stderr %q lacks %q", r.Stderr(), tc.wantLog)
			}
			if r.Alive() {
				t.Error("Alive after exit")
			}
			if _, err := r.Invoke(testContext(t), []byte(`{}`)); !errors.As(err, &exit) {
				t.Errorf("second Invoke: err = %v, want *ExitError", err)
			}
		})
	}
}

func TestOutputCaptureTimingsAndConcurrency(t *testing.T) {
	var tee lockedBuffer
	r := startRuntime(t, Settings{Binary: fakeFunction(t), Stdout: &tee})
	ctx := testContext(t)
	ids := make([]string, 4)
	var wg sync.WaitGroup
	for i := range ids {
		wg.Go(func() {
			res, err := r.Invoke(ctx, []byte(`{"mode":"echo"}`))
			if err != nil {
				t.Errorf("Invoke %d: %v", i, err)
				return
			}
			ids[i] = res.RequestID
		})
	}
	wg.Wait()
	tm := r.Timings()
	if tm.Started.IsZero() || tm.Ready <= 0 || tm.FirstAnswer < tm.Ready {
		t.Errorf("timings = %+v", tm)
	}
	// Close reaps the process, which drains its output pipes: only then is
	// every line it wrote certain to be captured.
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	stdout, stderr := string(r.Stdout()), string(r.Stderr())
	for _, id := range ids {
		if !strings.Contains(stdout, "fakefn stdout "+id) || !strings.Contains(stderr, "fakefn stderr "+id) {
			t.Errorf("logs of %s missing: stdout %q stderr %q", id, stdout, stderr)
		}
	}
	if tee.String() != stdout {
		t.Errorf("tee got %q, capture %q", tee.String(), stdout)
	}
}

func TestCloseEscalatesAndIsIdempotent(t *testing.T) {
	r, err := Start(testContext(t), Settings{
		Binary:      fakeFunction(t),
		Env:         []string{"FAKEFN_INIT=ignoreterm"},
		StopTimeout: 10 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Invoke(testContext(t), []byte(`{}`)); err != nil {
		t.Fatalf("Invoke: %v", err)
	}
	if err := r.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if r.Alive() {
		t.Fatal("process survived Close")
	}
	if st := r.proc.State().String(); st != "signal: killed" {
		t.Errorf("process ended with %q, want SIGKILL after ignoring SIGTERM", st)
	}
	if err := r.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := r.Invoke(testContext(t), []byte(`{}`)); !errors.Is(err, ErrClosed) {
		t.Errorf("Invoke after Close: err = %v, want ErrClosed", err)
	}
}

func TestCloseWhileInvoking(t *testing.T) {
	delivered := &signalWriter{want: "fakefn stdout", seen: make(chan struct{})}
	r, err := Start(testContext(t), Settings{Binary: fakeFunction(t), Stdout: delivered})
	if err != nil {
		t.Fatal(err)
	}
	ctx := testContext(t)
	done := make(chan error, 1)
	go func() {
		_, err := r.Invoke(ctx, []byte(`{"mode":"hang"}`))
		done <- err
	}()
	select {
	case <-delivered.seen:
	case <-ctx.Done():
		t.Fatal("the function never received the event")
	}
	if err := r.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := <-done; err == nil {
		t.Fatal("Invoke of a hung function succeeded after Close")
	}
}

func TestStartErrors(t *testing.T) {
	tests := []struct {
		name string
		s    Settings
	}{
		{"no binary", Settings{}},
		{"missing binary", Settings{Binary: t.TempDir() + "/nope"}},
		{"directory", Settings{Binary: t.TempDir()}},
		{"concurrency in Env", Settings{Binary: fakeFunction(t), Env: []string{"AWS_LAMBDA_MAX_CONCURRENCY=2"}}},
		{"negative concurrency", Settings{Binary: fakeFunction(t), MaxConcurrency: -2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if r, err := Start(testContext(t), tc.s); err == nil {
				_ = r.Close()
				t.Fatal("Start succeeded")
			}
		})
	}
}

// lockedBuffer is a bytes.Buffer safe for the harness's concurrent writes.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// signalWriter closes seen the first time want appears in what it is given,
// letting a test wait for a line of the function's output without polling.
type signalWriter struct {
	want string
	seen chan struct{}
	mu   sync.Mutex
	buf  strings.Builder
}

func (w *signalWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	already := strings.Contains(w.buf.String(), w.want)
	w.buf.Write(p)
	if !already && strings.Contains(w.buf.String(), w.want) {
		close(w.seen)
	}
	return len(p), nil
}
