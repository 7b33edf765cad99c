package singleton

import (
	"errors"
	"io"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

type client struct{ id int64 }

func TestGetBuildsOnceUnderConcurrentFirstCalls(t *testing.T) {
	isolate(t)
	const callers = 64
	var builds atomic.Int64
	var entered sync.WaitGroup
	entered.Add(callers)
	release := make(chan struct{})
	build := func() (*client, error) {
		<-release // hold the first build open until every caller is inside Get
		return &client{id: builds.Add(1)}, nil
	}
	results := make([]*client, callers)
	var wg sync.WaitGroup
	for i := range callers {
		wg.Go(func() {
			entered.Done()
			c, err := Get("client", build)
			if err != nil {
				t.Errorf("Get: %v", err)
			}
			results[i] = c
		})
	}
	entered.Wait()
	for range callers {
		runtime.Gosched()
	}
	close(release)
	wg.Wait()
	if n := builds.Load(); n != 1 {
		t.Fatalf("build ran %d times, want 1", n)
	}
	for i, c := range results {
		if c != results[0] {
			t.Fatalf("caller %d got %p, caller 0 got %p", i, c, results[0])
		}
	}
}

func TestGetRetriesAfterFailedBuild(t *testing.T) {
	isolate(t)
	errDown := errors.New("parameter store unreachable")
	calls := 0
	build := func() (string, error) {
		calls++
		if calls == 1 {
			return "", errDown
		}
		return "token-source", nil
	}
	if _, err := Get("ssm", build); !errors.Is(err, errDown) || !strings.Contains(err.Error(), `"ssm"`) {
		t.Fatalf("first Get error = %v, want the build error with the name", err)
	}
	if names := Names(); len(names) != 0 {
		t.Fatalf("Names after a failed build = %v, want none", names)
	}
	for range 3 {
		v, err := Get("ssm", build)
		if err != nil || v != "token-source" {
			t.Fatalf("Get = %q, %v; want the second build's value", v, err)
		}
	}
	if calls != 2 {
		t.Fatalf("build ran %d times, want 2", calls)
	}
}

func TestGetRetriesAfterPanickingBuild(t *testing.T) {
	isolate(t)
	func() {
		defer func() {
			if recover() == nil {
				t.Fatal("the build's panic did not reach the caller")
			}
		}()
		_, _ = Get("p", func() (int, error) { panic("boom") })
	}()
	v, err := Get("p", func() (int, error) { return 7, nil })
	if err != nil || v != 7 {
		t.Fatalf("Get after a panicking build = %d, %v; want 7", v, err)
	}
}

func TestGetTypeMismatch(t *testing.T) {
	isolate(t)
	if _, err := Get("n", func() (int, error) { return 1, nil }); err != nil {
		t.Fatalf("Get[int]: %v", err)
	}
	called := false
	_, err := Get("n", func() (string, error) { called = true; return "x", nil })
	if !errors.Is(err, ErrTypeMismatch) {
		t.Fatalf("Get[string] on an int error = %v, want ErrTypeMismatch", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "int") || !strings.Contains(msg, "string") {
		t.Fatalf("error %q does not name both types", msg)
	}
	if called {
		t.Fatal("a mismatched Get ran its build")
	}
	if v, err := Get[int]("n", nil); err != nil || v != 1 {
		t.Fatalf("Get[int] after the mismatch = %d, %v; want 1", v, err)
	}
}

func TestGetNilInterfaceValue(t *testing.T) {
	isolate(t)
	for range 2 {
		r, err := Get("reader", func() (io.Reader, error) { return nil, nil })
		if err != nil || r != nil {
			t.Fatalf("Get = %v, %v; want a nil reader and no error", r, err)
		}
	}
}

func TestGetRejectsBadArguments(t *testing.T) {
	isolate(t)
	tests := []struct {
		name, key string
		build     func() (int, error)
		want      string
	}{
		{"empty name", "", func() (int, error) { return 1, nil }, "name is empty"},
		{"nil build", "x", nil, "build function is nil"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Get(tt.key, tt.build)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestNamesAndReset(t *testing.T) {
	isolate(t)
	for _, name := range []string{"metrics", "cache", "logger"} {
		if _, err := Get(name, func() (string, error) { return name, nil }); err != nil {
			t.Fatalf("Get(%q): %v", name, err)
		}
	}
	_, _ = Get("broken", func() (string, error) { return "", errors.New("no") })
	if got, want := Names(), []string{"cache", "logger", "metrics"}; !slices.Equal(got, want) {
		t.Fatalf("Names = %v, want %v", got, want)
	}
	Reset()
	if got := Names(); len(got) != 0 {
		t.Fatalf("Names after Reset = %v", got)
	}
	builds := 0
	if _, err := Get("cache", func() (string, error) { builds++; return "new", nil }); err != nil || builds != 1 {
		t.Fatalf("Get after Reset: builds=%d err=%v; want a fresh build", builds, err)
	}
}
