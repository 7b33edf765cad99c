package gateway

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/lee-engine/lee/cache"
	"github.com/lee-engine/lee/config"
	"github.com/lee-engine/lee/metrics"
)

func TestNewConstructsNothing(t *testing.T) {
	g, out := newTestGateway(t, testConfig(localURL))
	s := g.Stats()
	if s.Constructed != 0 || s.FastRoutes != 0 {
		t.Fatalf("after New: %d constructed, %d fast routes; want 0 and 0", s.Constructed, s.FastRoutes)
	}
	for _, i := range Interfaces() {
		row := s.Interfaces[i]
		if row.Constructed || row.Constructions != 0 || row.Construction != 0 {
			t.Errorf("%s after New: %+v; want nothing built", i, row)
		}
		for _, op := range Operations() {
			if g.HasFastPath(i, op) {
				t.Errorf("%s %s has a fast path before its core exists", i, op)
			}
		}
	}
	if out.String() != "" {
		t.Errorf("New wrote output: %q", out.String())
	}
}

func TestNewRefusals(t *testing.T) {
	tests := []struct {
		name string
		cfg  *config.Config
		want string // the variable named, "" for no VarError
	}{
		{"nil config", nil, ""},
		{"no URL", testConfig(""), config.VarHAURL},
		{"credentials in URL", testConfig("https://user:hunter2secret@ha.example.com"), config.VarHAURL},
		{"not http", testConfig("ftp://ha.example.com"), config.VarHAURL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := New(tt.cfg, Options{})
			if err == nil || g != nil {
				t.Fatalf("New = %v, %v; want an error", g, err)
			}
			if strings.Contains(err.Error(), "hunter2secret") {
				t.Errorf("error %q shows the URL's password", err)
			}
			var ve *config.VarError
			if tt.want != "" && (!errors.As(err, &ve) || ve.Var != tt.want) {
				t.Errorf("error %v (%T); want a *config.VarError naming %s", err, err, tt.want)
			}
		})
	}
}

// TestConcurrentFirstUse races 64 goroutines on each interface's first use
// and checks that exactly one construction happened.
func TestConcurrentFirstUse(t *testing.T) {
	const racers = 64
	for _, i := range Interfaces() {
		t.Run(i.String(), func(t *testing.T) {
			g, _ := newTestGateway(t, testConfig(localURL))
			start := make(chan struct{})
			errs := make(chan error, racers)
			var wg sync.WaitGroup
			for range racers {
				wg.Go(func() {
					<-start
					errs <- g.Construct(i)
				})
			}
			close(start)
			wg.Wait()
			close(errs)
			for err := range errs {
				if err != nil {
					t.Fatalf("Construct(%s): %v", i, err)
				}
			}
			row := g.Stats().Interfaces[i]
			if !row.Constructed || row.Constructions != 1 || row.FailedConstructions != 0 {
				t.Errorf("after %d racing first uses: %+v; want built exactly once", racers, row)
			}
			if row.Construction <= 0 {
				t.Errorf("construction time %v; want it recorded", row.Construction)
			}
		})
	}
}

// TestConcurrentFirstUseSharesOneCore checks, through the public path, that
// racing first calls all land in the same cache.
func TestConcurrentFirstUseSharesOneCore(t *testing.T) {
	const racers = 64
	g, _ := newTestGateway(t, testConfig(localURL))
	start := make(chan struct{})
	cores := make(chan *cache.Cache, racers)
	var wg sync.WaitGroup
	for n := range racers {
		wg.Go(func() {
			<-start
			key := "k" + string(rune('A'+n))
			if _, err := g.Execute(context.Background(), Cache, OpSet, Args{Key: key, Value: n}); err != nil {
				t.Errorf("SET %s: %v", key, err)
			}
			c, _ := g.cacheCore()
			cores <- c
		})
	}
	close(start)
	wg.Wait()
	close(cores)
	first := <-cores
	for c := range cores {
		if c != first {
			t.Fatal("two goroutines got different cache cores")
		}
	}
	for n := range racers {
		key := "k" + string(rune('A'+n))
		if v, ok := g.CacheGet(key); !ok || v != n {
			t.Errorf("CacheGet(%s) = %v, %v; want %d", key, v, ok, n)
		}
	}
}

// TestConstructionFailureRetried: a failed construction reaches the caller
// and is counted but not remembered; the next call builds the core, once.
func TestConstructionFailureRetried(t *testing.T) {
	var slot lazy[int]
	calls, failing := 0, 2
	build := func() (*int, error) {
		calls++
		if failing > 0 {
			failing--
			return nil, errors.New("not there yet")
		}
		v := 7
		return &v, nil
	}
	for attempt := 1; attempt <= 2; attempt++ {
		if v, err := slot.get(build); err == nil || v != nil {
			t.Fatalf("attempt %d: %v, %v; want the construction error", attempt, v, err)
		}
		if got := slot.state.failures.Load(); int(got) != attempt || slot.state.builds.Load() != 0 {
			t.Fatalf("attempt %d: %d failures, %d builds", attempt, got, slot.state.builds.Load())
		}
	}
	for range 2 {
		if v, err := slot.get(build); err != nil || v == nil || *v != 7 {
			t.Fatalf("after the cause went away: %v, %v; want the core", v, err)
		}
	}
	if calls != 3 || slot.state.builds.Load() != 1 || slot.state.failures.Load() != 2 {
		t.Errorf("%d constructions, %d built, %d failed; want 3, 1, 2", calls, slot.state.builds.Load(), slot.state.failures.Load())
	}
}

// TestConstructionFailureReported covers failures whose cause stays: each
// call tries again and gets the error.
func TestConstructionFailureReported(t *testing.T) {
	tests := []struct {
		name  string
		iface Interface
		edit  func(*config.Config, *Options)
		check func(t *testing.T, err error)
	}{
		{"bad LOG_LEVEL", Logging, func(c *config.Config, _ *Options) { c.LogLevel = "verbose" },
			func(t *testing.T, err error) {
				var ve *config.VarError
				if !errors.As(err, &ve) || ve.Var != config.VarLogLevel || !strings.Contains(ve.Reason, "verbose") {
					t.Errorf("error %v; want a *config.VarError naming LOG_LEVEL and the value", err)
				}
			}},
		{"bad function name", Metrics, func(_ *config.Config, o *Options) { o.FunctionName = "bad\x01name" },
			func(t *testing.T, err error) {
				if !errors.Is(err, metrics.ErrInvalidSettings) {
					t.Errorf("error %v; want metrics.ErrInvalidSettings", err)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig(localURL)
			opts := Options{Stdout: &syncBuffer{}}
			tt.edit(cfg, &opts)
			g, err := New(cfg, opts)
			if err != nil {
				t.Fatal(err)
			}
			for attempt := 1; attempt <= 3; attempt++ {
				err := g.Construct(tt.iface)
				tt.check(t, err)
				row := g.Stats().Interfaces[tt.iface]
				if row.Constructed || int(row.FailedConstructions) != attempt {
					t.Fatalf("attempt %d: %+v; want a counted failure and no core", attempt, row)
				}
			}
			err = g.Preload(tt.iface)
			if err == nil || !strings.Contains(err.Error(), "preload "+tt.iface.String()) {
				t.Errorf("Preload error %v; want it to name the interface", err)
			}
			tt.check(t, err)
		})
	}
}
