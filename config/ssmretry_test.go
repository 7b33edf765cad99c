package config

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	throttled   = ssmReply{status: http.StatusBadRequest, body: `{"__type":"ThrottlingException","message":"Rate exceeded"}`}
	unavailable = ssmReply{status: http.StatusServiceUnavailable, body: `{"__type":"ServiceUnavailable"}`}
	denied      = ssmReply{status: http.StatusBadRequest, body: `{"__type":"AccessDeniedException"}`}
	notFound    = ssmReply{status: http.StatusBadRequest, body: `{"__type":"ParameterNotFound"}`}
	success     = ssmReply{status: http.StatusOK, body: `{"Parameter":{"Value":"` + testValue + `"}}`}
)

// always answers every request with r.
func always(r ssmReply) func(int, string) ssmReply {
	return func(int, string) ssmReply { return r }
}

// TestRetriesUpToMaxAttempts: throttling and 5xx answers are retried until
// AWS_MAX_ATTEMPTS attempts (3 when unset) have been made, with a pause
// before each retry; refusals are not retried.
func TestRetriesUpToMaxAttempts(t *testing.T) {
	tests := []struct {
		name     string
		attempts string
		reply    ssmReply
		want     error
		requests int
	}{
		{"throttled, default", "", throttled, ErrThrottled, 3},
		{"throttled, one attempt", "1", throttled, ErrThrottled, 1},
		{"throttled, five attempts", "5", throttled, ErrThrottled, 5},
		{"unavailable", "4", unavailable, nil, 4},
		{"denied is final", "5", denied, ErrAccessDenied, 1},
		{"not found is final", "5", notFound, ErrParameterNotFound, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := startFakeParameterStore(t, always(tt.reply))
			c := newTestClient(t, ssmEnv(srv.URL, "AWS_MAX_ATTEMPTS", tt.attempts))
			var mu sync.Mutex
			var retries []int
			c.backoff = func(retry int) time.Duration {
				mu.Lock()
				defer mu.Unlock()
				retries = append(retries, retry)
				return time.Microsecond
			}
			_, err := c.GetParameter(context.Background(), testParamKey)
			var apiErr *SSMError
			if !errors.As(err, &apiErr) || tt.want != nil && !errors.Is(err, tt.want) {
				t.Fatalf("GetParameter() = %v; want an *SSMError wrapping %v", err, tt.want)
			}
			if n := len(srv.seen()); n != tt.requests {
				t.Fatalf("%d requests, want %d", n, tt.requests)
			}
			if want := wantRetries(tt.requests); !slices.Equal(retries, want) {
				t.Errorf("pauses before retries %v, want %v", retries, want)
			}
			if tt.requests > 1 && !strings.Contains(err.Error(), ", "+strconv.Itoa(tt.requests)+" attempts") {
				t.Errorf("error %q does not say how many attempts were made", err)
			}
		})
	}
}

func wantRetries(requests int) []int {
	var r []int
	for i := 1; i < requests; i++ {
		r = append(r, i)
	}
	return r
}

// TestRetrySucceeds: a value that comes after two throttled attempts is
// returned.
func TestRetrySucceeds(t *testing.T) {
	srv := startFakeParameterStore(t, func(call int, _ string) ssmReply {
		if call < 3 {
			return throttled
		}
		return success
	})
	c := newTestClient(t, ssmEnv(srv.URL))
	if got, err := c.GetParameter(context.Background(), testParamKey); err != nil || got != testValue {
		t.Fatalf("GetParameter() = %q, %v", got, err)
	}
	if n := len(srv.seen()); n != 3 {
		t.Fatalf("%d requests, want 3", n)
	}
}

// TestDeadlineCutsRetries: when the pause before the next attempt would
// outlast the context's deadline, the client stops at once instead of
// sleeping, and reports both the throttling and the deadline.
func TestDeadlineCutsRetries(t *testing.T) {
	srv := startFakeParameterStore(t, always(throttled))
	c := newTestClient(t, ssmEnv(srv.URL, "AWS_MAX_ATTEMPTS", "10"))
	c.backoff = func(int) time.Duration { return 2 * time.Hour }
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	_, err := c.GetParameter(ctx, testParamKey)
	if !errors.Is(err, ErrThrottled) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("GetParameter() = %v; want throttled and deadline exceeded", err)
	}
	if n := len(srv.seen()); n != 1 {
		t.Fatalf("%d requests, want 1", n)
	}
	if ctx.Err() != nil {
		t.Fatal("the client waited for the deadline instead of giving up")
	}
}

// TestCancelDuringPause: cancelling the context ends the pause between
// attempts.
func TestCancelDuringPause(t *testing.T) {
	srv := startFakeParameterStore(t, always(throttled))
	c := newTestClient(t, ssmEnv(srv.URL, "AWS_MAX_ATTEMPTS", "10"))
	pausing := make(chan struct{})
	c.backoff = func(int) time.Duration {
		close(pausing)
		return time.Hour
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		select {
		case <-pausing:
			cancel()
		case <-ctx.Done():
		}
	}()
	_, err := c.GetParameter(ctx, testParamKey)
	if !errors.Is(err, ErrThrottled) || !errors.Is(err, context.Canceled) {
		t.Fatalf("GetParameter() = %v; want throttled and canceled", err)
	}
	if n := len(srv.seen()); n != 1 {
		t.Fatalf("%d requests, want 1", n)
	}
}

// TestJitteredBackoffBounds: each pause lies between half and all of its
// ceiling, which doubles from 50 ms up to 800 ms.
func TestJitteredBackoffBounds(t *testing.T) {
	ceilings := map[int]time.Duration{1: 50 * time.Millisecond, 2: 100 * time.Millisecond, 3: 200 * time.Millisecond,
		4: 400 * time.Millisecond, 5: 800 * time.Millisecond, 6: 800 * time.Millisecond, 60: 800 * time.Millisecond}
	for retry, ceiling := range ceilings {
		seen := map[time.Duration]bool{}
		for range 200 {
			d := jitteredBackoff(retry)
			if d < ceiling/2 || d > ceiling {
				t.Fatalf("jitteredBackoff(%d) = %v; want within [%v, %v]", retry, d, ceiling/2, ceiling)
			}
			seen[d] = true
		}
		if len(seen) < 2 {
			t.Errorf("jitteredBackoff(%d) gave one value 200 times: no jitter", retry)
		}
	}
}
