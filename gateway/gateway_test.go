package gateway

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/lee-engine/lee/config"
	"github.com/lee-engine/lee/metrics"
)

// stateful are the interfaces that hold a core; utility and lambdaiface
// are stateless.
var stateful = []string{"cache", "logging", "security", "metrics", "singleton", "httpclient", "initialization", "circuitbreaker", "config"}

// row returns the Stats row of the interface named name.
func row(t *testing.T, s Stats, name string) InterfaceStats {
	t.Helper()
	for _, r := range s.Interfaces {
		if r.Interface == name {
			return r
		}
	}
	t.Fatalf("no Stats row for %s", name)
	return InterfaceStats{}
}

func TestNewConstructsNothing(t *testing.T) {
	g, out := newTestGateway(t, testConfig(localURL))
	s := g.Stats()
	if s.Constructed != 0 || len(s.Interfaces) != len(config.InterfaceNames) {
		t.Fatalf("after New: %d constructed of %d rows; want 0 of 11", s.Constructed, len(s.Interfaces))
	}
	for _, r := range s.Interfaces {
		if r.Constructed || r.Construction != 0 || r.Version == "" {
			t.Errorf("%s after New: %+v; want nothing built and a version", r.Interface, r)
		}
		if want := !slices.Contains(stateful, r.Interface); r.Stateless != want {
			t.Errorf("%s: Stateless = %v, want %v", r.Interface, r.Stateless, want)
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

// TestConcurrentFirstUse races goroutines on each stateful interface's
// first use and checks that exactly one construction happened.
func TestConcurrentFirstUse(t *testing.T) {
	const racers = 64
	for _, name := range stateful {
		t.Run(name, func(t *testing.T) {
			cfg := testConfig(localURL)
			cfg.TokenParameter = "/lee/token" // so that config has a core to build
			g, _ := newTestGateway(t, cfg)
			start := make(chan struct{})
			var wg sync.WaitGroup
			for range racers {
				wg.Go(func() {
					<-start
					if err := g.construct(name); err != nil {
						t.Errorf("construct(%s): %v", name, err)
					}
				})
			}
			close(start)
			wg.Wait()
			r := row(t, g.Stats(), name)
			if !r.Constructed || r.FailedConstructions != 0 || r.Construction <= 0 {
				t.Errorf("after %d racing first uses: %+v; want built once, timed", racers, r)
			}
		})
	}
}

// TestConstructionFailureRetried: a construction that fails is reported to
// every caller, counted, and never remembered as a success.
func TestConstructionFailureRetried(t *testing.T) {
	tests := []struct {
		name  string
		iface string
		edit  func(*config.Config, *Options)
		check func(t *testing.T, err error)
	}{
		{"bad LOG_LEVEL", "logging", func(c *config.Config, _ *Options) { c.LogLevel = "verbose" },
			func(t *testing.T, err error) {
				var ve *config.VarError
				if !errors.As(err, &ve) || ve.Var != config.VarLogLevel || !strings.Contains(ve.Reason, "verbose") {
					t.Errorf("error %v; want a *config.VarError naming LOG_LEVEL and the value", err)
				}
			}},
		{"bad function name", "metrics", func(_ *config.Config, o *Options) { o.FunctionName = "bad\x01name" },
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
				tt.check(t, g.construct(tt.iface))
				r := row(t, g.Stats(), tt.iface)
				if r.Constructed || int(r.FailedConstructions) != attempt {
					t.Fatalf("attempt %d: %+v; want a counted failure and no core", attempt, r)
				}
			}
			cfg.Preload = []string{tt.iface}
			_, err = FromConfig(cfg, opts)
			if err == nil || !strings.Contains(err.Error(), "preload "+tt.iface) {
				t.Errorf("FromConfig error %v; want it to name the interface", err)
			}
			tt.check(t, err)
		})
	}
}

// TestPreload checks that exactly the named interfaces are built, as
// config reads LEE_PRELOAD ("all" expanded to the eleven).
func TestPreload(t *testing.T) {
	tests := []struct {
		preload []string
		want    []string
	}{
		{nil, nil},
		{[]string{"cache", "logging"}, []string{"cache", "logging"}},
		{[]string{"utility", "lambdaiface"}, nil}, // stateless: nothing to build
		{config.InterfaceNames, []string{"cache", "logging", "security", "metrics", "singleton", "httpclient", "initialization", "circuitbreaker"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.preload, ","), func(t *testing.T) {
			cfg := testConfig(localURL)
			cfg.Preload = tt.preload
			g, err := FromConfig(cfg, Options{Stdout: &syncBuffer{}})
			if err != nil {
				t.Fatal(err)
			}
			defer g.Close()
			s := g.Stats()
			for _, r := range s.Interfaces {
				if want := slices.Contains(tt.want, r.Interface); r.Constructed != want {
					t.Errorf("%s constructed = %v; want %v", r.Interface, r.Constructed, want)
				}
			}
			if s.Constructed != len(tt.want) {
				t.Errorf("Constructed = %d, want %d", s.Constructed, len(tt.want))
			}
		})
	}
	if err := (&Gateway{cfg: testConfig(localURL)}).construct("bogus"); err == nil || !strings.Contains(err.Error(), "bogus") {
		t.Errorf("construct(bogus) = %v", err)
	}
}

// TestMarkInitDone records how many interfaces init built, which the cold
// start line reports.
func TestMarkInitDone(t *testing.T) {
	cfg := testConfig(localURL)
	cfg.Preload = []string{"logging", "metrics"}
	g, err := FromConfig(cfg, Options{Stdout: &syncBuffer{}})
	if err != nil {
		t.Fatal(err)
	}
	g.MarkInitDone()
	if g.builtAtInit != 2 {
		t.Errorf("builtAtInit = %d, want 2", g.builtAtInit)
	}
	if !strings.Contains(string(g.Stats().JSON()), `"interface":"logging","version":"`) {
		t.Errorf("Stats JSON: %s", g.Stats().JSON())
	}
	// MarkInitDone's count is Stats' with every core built too, the
	// Parameter Store reader included.
	cfg = testConfig(localURL)
	cfg.TokenParameter = "/lee/token"
	cfg.Preload = config.InterfaceNames
	all, err := FromConfig(cfg, Options{Stdout: &syncBuffer{}, NewParameterClient: func(context.Context) (ParameterClient, error) {
		return nil, errors.New("not called: nothing reads the parameter")
	}})
	if err != nil {
		t.Fatal(err)
	}
	all.MarkInitDone()
	if st := all.Stats(); all.builtAtInit != 9 || st.Constructed != 9 {
		t.Errorf("builtAtInit = %d, Stats().Constructed = %d, want 9 and 9", all.builtAtInit, st.Constructed)
	}
}
