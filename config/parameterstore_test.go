package config

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/aws/smithy-go"
)

// fakeSSM answers GetParameter from a function and counts calls.
type fakeSSM struct {
	calls  atomic.Int32
	answer func(name string) (*ssm.GetParameterOutput, error)
}

func (f *fakeSSM) GetParameter(ctx context.Context, in *ssm.GetParameterInput, _ ...func(*ssm.Options)) (*ssm.GetParameterOutput, error) {
	f.calls.Add(1)
	out, err := f.answer(aws.ToString(in.Name))
	if in.WithDecryption == nil || !*in.WithDecryption {
		return nil, errors.New("fake SSM: WithDecryption not set")
	}
	return out, err
}

func valueOutput(v string) *ssm.GetParameterOutput {
	return &ssm.GetParameterOutput{Parameter: &types.Parameter{Value: aws.String(v), Type: types.ParameterTypeSecureString}}
}

// clock is a hand-moved time source.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func newFakeStore(ttl time.Duration, f *fakeSSM, clk *clock) (*ParameterStore, *atomic.Int32) {
	builds := &atomic.Int32{}
	return NewParameterStore(StoreSettings{
		TTL: ttl,
		Now: clk.Now,
		NewClient: func(context.Context) (GetParameterAPI, error) {
			builds.Add(1)
			return f, nil
		},
	}), builds
}

func TestParameterStoreCachesForTTL(t *testing.T) {
	tests := []struct {
		name string
		ttl  time.Duration
		want time.Duration
	}{
		{"explicit TTL", time.Minute, time.Minute},
		{"zero means five minutes", 0, DefaultSecretTTL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			version := 0
			f := &fakeSSM{answer: func(string) (*ssm.GetParameterOutput, error) {
				version++
				return valueOutput(strings.Repeat("v", version)), nil
			}}
			clk := &clock{now: time.Unix(1_700_000_000, 0)}
			store, builds := newFakeStore(tt.ttl, f, clk)
			if builds.Load() != 0 {
				t.Fatal("NewParameterStore built a client")
			}
			steps := []struct {
				advance time.Duration
				value   string
				calls   int32
			}{
				{0, "v", 1},
				{tt.want - time.Nanosecond, "v", 1},
				{time.Nanosecond, "vv", 2},
				{tt.want / 2, "vv", 2},
			}
			for i, s := range steps {
				clk.Advance(s.advance)
				got, err := store.Get(context.Background(), "/lee/token")
				if err != nil || got != s.value || f.calls.Load() != s.calls {
					t.Fatalf("step %d: Get() = %q, %v after %d calls; want %q after %d", i, got, err, f.calls.Load(), s.value, s.calls)
				}
			}
			if builds.Load() != 1 {
				t.Fatalf("client built %d times, want 1", builds.Load())
			}
		})
	}
}

func TestParameterStoreKeepsNamesApart(t *testing.T) {
	f := &fakeSSM{answer: func(name string) (*ssm.GetParameterOutput, error) { return valueOutput("value of " + name), nil }}
	store, _ := newFakeStore(time.Minute, f, &clock{})
	for _, name := range []string{"/a", "/b", "/a"} {
		if got, err := store.Get(context.Background(), name); err != nil || got != "value of "+name {
			t.Fatalf("Get(%q) = %q, %v", name, got, err)
		}
	}
	if f.calls.Load() != 2 {
		t.Fatalf("%d calls, want 2", f.calls.Load())
	}
}

func TestParameterStoreRetriesFailedBuild(t *testing.T) {
	f := &fakeSSM{answer: func(string) (*ssm.GetParameterOutput, error) { return valueOutput("ok"), nil }}
	attempts := 0
	store := NewParameterStore(StoreSettings{NewClient: func(context.Context) (GetParameterAPI, error) {
		attempts++
		if attempts == 1 {
			return nil, errors.New("no credentials yet")
		}
		return f, nil
	}})
	_, err := store.Get(context.Background(), "/lee/token")
	if err == nil || !strings.Contains(err.Error(), "no credentials yet") || !strings.Contains(err.Error(), `"/lee/token"`) {
		t.Fatalf("first Get() error = %v", err)
	}
	if got, err := store.Get(context.Background(), "/lee/token"); err != nil || got != "ok" {
		t.Fatalf("second Get() = %q, %v", got, err)
	}
	if _, err := store.Get(context.Background(), "/other"); err != nil || attempts != 2 {
		t.Fatalf("third Get() = %v after %d builds, want 2", err, attempts)
	}
}

func TestParameterStoreDoesNotCacheErrors(t *testing.T) {
	fail := true
	f := &fakeSSM{answer: func(string) (*ssm.GetParameterOutput, error) {
		if fail {
			fail = false
			return nil, &smithy.GenericAPIError{Code: "ThrottlingException", Message: "Rate exceeded"}
		}
		return valueOutput("ok"), nil
	}}
	store, _ := newFakeStore(time.Minute, f, &clock{})
	if _, err := store.Get(context.Background(), "/p"); !errors.Is(err, ErrThrottled) {
		t.Fatalf("first Get() = %v, want ErrThrottled", err)
	}
	if got, err := store.Get(context.Background(), "/p"); err != nil || got != "ok" {
		t.Fatalf("second Get() = %q, %v", got, err)
	}
}

func TestParameterStoreErrors(t *testing.T) {
	const value = "secret-value-99"
	tests := []struct {
		name   string
		answer func(string) (*ssm.GetParameterOutput, error)
		want   error
	}{
		{"not found", apiError("ParameterNotFound"), ErrParameterNotFound},
		{"version not found", apiError("ParameterVersionNotFound"), ErrParameterNotFound},
		{"denied", apiError("AccessDeniedException"), ErrAccessDenied},
		{"throttled", apiError("ThrottlingException"), ErrThrottled},
		{"no parameter", func(string) (*ssm.GetParameterOutput, error) { return &ssm.GetParameterOutput{}, nil }, ErrParameterNotFound},
		{"nil output", func(string) (*ssm.GetParameterOutput, error) { return nil, nil }, ErrParameterNotFound},
		{"empty value", func(string) (*ssm.GetParameterOutput, error) { return valueOutput(""), nil }, ErrParameterNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store, _ := newFakeStore(time.Minute, &fakeSSM{answer: tt.answer}, &clock{})
			_, err := store.Get(context.Background(), "/lee/token")
			if !errors.Is(err, tt.want) {
				t.Fatalf("Get() = %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), `"/lee/token"`) || strings.Contains(err.Error(), value) {
				t.Fatalf("error %q must name the parameter and not carry a value", err)
			}
		})
	}
	other := errors.New("network down")
	store, _ := newFakeStore(time.Minute, &fakeSSM{answer: func(string) (*ssm.GetParameterOutput, error) { return nil, other }}, &clock{})
	if _, err := store.Get(context.Background(), "/p"); !errors.Is(err, other) ||
		errors.Is(err, ErrThrottled) || errors.Is(err, ErrAccessDenied) || errors.Is(err, ErrParameterNotFound) {
		t.Fatalf("Get() = %v, want the cause only", err)
	}
}

func apiError(code string) func(string) (*ssm.GetParameterOutput, error) {
	return func(string) (*ssm.GetParameterOutput, error) {
		return nil, &smithy.GenericAPIError{Code: code, Message: "refused"}
	}
}

func TestParameterStoreConcurrentGetsShareOneCall(t *testing.T) {
	f := &fakeSSM{answer: func(string) (*ssm.GetParameterOutput, error) { return valueOutput("shared"), nil }}
	store, builds := newFakeStore(time.Minute, f, &clock{})
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for range 16 {
		wg.Go(func() {
			if v, err := store.Get(context.Background(), "/lee/token"); err != nil || v != "shared" {
				errs <- errors.New("unexpected result")
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if f.calls.Load() != 1 || builds.Load() != 1 {
		t.Fatalf("%d calls and %d builds, want 1 and 1", f.calls.Load(), builds.Load())
	}
}

func TestParameterStoreWaitRespectsContext(t *testing.T) {
	entered, release := make(chan struct{}), make(chan struct{})
	f := &fakeSSM{answer: func(string) (*ssm.GetParameterOutput, error) {
		close(entered)
		<-release
		return valueOutput("slow"), nil
	}}
	store, _ := newFakeStore(time.Minute, f, &clock{})
	done := make(chan error, 1)
	go func() {
		_, err := store.Get(context.Background(), "/slow")
		done <- err
	}()
	<-entered
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := store.Get(ctx, "/other"); !errors.Is(err, context.Canceled) {
		t.Fatalf("Get() while another call runs = %v, want context.Canceled", err)
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatalf("slow Get() = %v", err)
	}
}

func TestParameterStoreMisuse(t *testing.T) {
	var zero ParameterStore
	if _, err := zero.Get(context.Background(), "/p"); err == nil {
		t.Fatal("zero ParameterStore did not report misuse")
	}
	store := NewParameterStore(StoreSettings{NewClient: func(context.Context) (GetParameterAPI, error) { return nil, nil }})
	if _, err := store.Get(context.Background(), ""); err == nil {
		t.Fatal("empty name accepted")
	}
	if _, err := store.Get(context.Background(), "/p"); err == nil {
		t.Fatal("nil client accepted")
	}
}
