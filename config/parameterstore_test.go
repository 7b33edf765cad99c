package config

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeSSM is a ParameterClient answering from a function; it counts calls.
type fakeSSM struct {
	calls  atomic.Int32
	answer func(name string) (string, error)
}

func (f *fakeSSM) GetParameter(_ context.Context, name string) (string, error) {
	f.calls.Add(1)
	return f.answer(name)
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

// ttlCache is a Cache over a map and a hand-moved clock, standing in for
// the cache module (which config does not import).
type ttlCache struct {
	clk  *clock
	mu   sync.Mutex
	vals map[string]ttlEntry
}

type ttlEntry struct {
	v       any
	expires time.Time
}

func newTTLCache(clk *clock) *ttlCache { return &ttlCache{clk: clk, vals: map[string]ttlEntry{}} }

func (c *ttlCache) Get(key string) (any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.vals[key]
	if !ok || !c.clk.Now().Before(e.expires) {
		return nil, false
	}
	return e.v, true
}

func (c *ttlCache) Set(key string, v any, ttl time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.vals[key] = ttlEntry{v: v, expires: c.clk.Now().Add(ttl)}
	return nil
}

func newFakeStore(ttl time.Duration, f *fakeSSM, clk *clock) (*ParameterStore, *atomic.Int32) {
	builds := &atomic.Int32{}
	return NewParameterStore(StoreSettings{
		TTL:   ttl,
		Cache: newTTLCache(clk),
		NewClient: func(context.Context) (ParameterClient, error) {
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
			f := &fakeSSM{answer: func(string) (string, error) {
				version++
				return strings.Repeat("v", version), nil
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
	f := &fakeSSM{answer: func(name string) (string, error) { return "value of " + name, nil }}
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
	f := &fakeSSM{answer: func(string) (string, error) { return "ok", nil }}
	attempts := 0
	store := NewParameterStore(StoreSettings{NewClient: func(context.Context) (ParameterClient, error) {
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
	f := &fakeSSM{answer: func(string) (string, error) {
		if fail {
			fail = false
			return "", classify(&SSMError{Code: "ThrottlingException", StatusCode: 400, Message: "Rate exceeded"})
		}
		return "ok", nil
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
	refuse := func(code string, status int) func(string) (string, error) {
		return func(string) (string, error) {
			return "", classify(&SSMError{Code: code, StatusCode: status, Message: "refused"})
		}
	}
	other := errors.New("network down")
	tests := []struct {
		name   string
		answer func(string) (string, error)
		want   []error
		not    []error
	}{
		{"not found", refuse("ParameterNotFound", 400), []error{ErrParameterNotFound}, nil},
		{"version not found", refuse("ParameterVersionNotFound", 400), []error{ErrParameterNotFound}, nil},
		{"denied", refuse("AccessDeniedException", 400), []error{ErrAccessDenied}, nil},
		{"throttled", refuse("ThrottlingException", 400), []error{ErrThrottled}, nil},
		{"empty value", func(string) (string, error) { return "", nil }, []error{ErrParameterNotFound}, nil},
		{"white space only", func(string) (string, error) { return " \n\t", nil }, []error{ErrParameterNotFound}, nil},
		{"other cause", func(string) (string, error) { return value, other }, []error{other},
			[]error{ErrThrottled, ErrAccessDenied, ErrParameterNotFound}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store, _ := newFakeStore(time.Minute, &fakeSSM{answer: tt.answer}, &clock{})
			got, err := store.Get(context.Background(), "/lee/token")
			if err == nil || got != "" {
				t.Fatalf("Get() = %q, %v; want an error and no value", got, err)
			}
			for _, want := range tt.want {
				if !errors.Is(err, want) {
					t.Errorf("Get() = %v; want it to wrap %v", err, want)
				}
			}
			for _, not := range tt.not {
				if errors.Is(err, not) {
					t.Errorf("Get() = %v; must not wrap %v", err, not)
				}
			}
			if !strings.Contains(err.Error(), `"/lee/token"`) || strings.Contains(err.Error(), value) {
				t.Fatalf("error %q must name the parameter and not carry a value", err)
			}
		})
	}
}

func TestParameterStoreConcurrentGetsShareOneCall(t *testing.T) {
	f := &fakeSSM{answer: func(string) (string, error) { return "shared", nil }}
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
	f := &fakeSSM{answer: func(string) (string, error) {
		close(entered)
		<-release
		return "slow", nil
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
	store := NewParameterStore(StoreSettings{NewClient: func(context.Context) (ParameterClient, error) { return nil, nil }})
	if _, err := store.Get(context.Background(), ""); err == nil {
		t.Fatal("empty name accepted")
	}
	if _, err := store.Get(context.Background(), "/p"); err == nil {
		t.Fatal("nil client accepted")
	}
}

func TestParameterStoreWithoutCacheReadsEveryTime(t *testing.T) {
	f := &fakeSSM{answer: func(string) (string, error) { return "v", nil }}
	store := NewParameterStore(StoreSettings{NewClient: func(context.Context) (ParameterClient, error) { return f, nil }})
	for range 3 {
		if got, err := store.Get(context.Background(), "/lee/token"); err != nil || got != "v" {
			t.Fatalf("Get() = %q, %v", got, err)
		}
	}
	if n := f.calls.Load(); n != 3 {
		t.Fatalf("%d SSM calls without a cache, want 3", n)
	}
}

// TestParameterStoreTrims: a value with surrounding white space (a token
// pasted with a trailing newline) is returned trimmed, as HA_TOKEN is.
func TestParameterStoreTrims(t *testing.T) {
	for _, raw := range []string{"tok-123\n", "  tok-123", "\ttok-123 \r\n", "tok-123"} {
		store, _ := newFakeStore(time.Minute, &fakeSSM{answer: func(string) (string, error) { return raw, nil }}, &clock{})
		got, err := store.Get(context.Background(), "/lee/token")
		if err != nil || got != "tok-123" {
			t.Errorf("Get() of %q = %q, %v; want %q", raw, got, err, "tok-123")
		}
	}
}
