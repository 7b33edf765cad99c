package gateway

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/lee-engine/lee/config"
	"pgregory.net/rapid"
)

func TestParsePreload(t *testing.T) {
	tests := []struct {
		list    string
		want    []Interface
		badName string // the unknown name the error must quote
	}{
		{list: "", want: nil},
		{list: "cache,logging", want: []Interface{Cache, Logging}},
		{list: "logging,cache", want: []Interface{Cache, Logging}},
		{list: " Cache ", want: []Interface{Cache}},
		{list: "cache,,CACHE, ", want: []Interface{Cache}},
		{list: "all", want: Interfaces()},
		{list: "ALL,cache", want: Interfaces()},
		{list: "httpclient,circuitbreaker,config", want: []Interface{HTTPClient, CircuitBreaker, Config}},
		{list: "bogus", badName: "bogus"},
		{list: "cache, Cach ", badName: "Cach"},
		{list: "cache;logging", badName: "cache;logging"},
	}
	for _, tt := range tests {
		t.Run(tt.list, func(t *testing.T) {
			got, err := ParsePreload(tt.list)
			if tt.badName == "" {
				if err != nil || !slices.Equal(got, tt.want) {
					t.Fatalf("ParsePreload(%q) = %v, %v; want %v", tt.list, got, err, tt.want)
				}
				return
			}
			var ve *config.VarError
			if !errors.As(err, &ve) || ve.Var != config.VarPreload || !strings.Contains(ve.Reason, `"`+tt.badName+`"`) {
				t.Fatalf("ParsePreload(%q) error %v; want a *config.VarError naming LEE_PRELOAD and %q", tt.list, err, tt.badName)
			}
		})
	}
}

// TestFromConfigPreloads checks that exactly the named interfaces are built.
func TestFromConfigPreloads(t *testing.T) {
	tests := []struct {
		preload []string
		want    []Interface
		wantErr bool
	}{
		{preload: nil, want: nil},
		{preload: []string{"cache", "logging"}, want: []Interface{Cache, Logging}},
		{preload: []string{" Metrics "}, want: []Interface{Metrics}},
		{preload: []string{"all"}, want: Interfaces()},
		{preload: []string{"cache", "nope"}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.preload, ","), func(t *testing.T) {
			cfg := testConfig(localURL)
			cfg.Preload = tt.preload
			g, err := FromConfig(cfg, Options{Stdout: &syncBuffer{}})
			if tt.wantErr {
				var ve *config.VarError
				if !errors.As(err, &ve) || ve.Var != config.VarPreload {
					t.Fatalf("FromConfig error %v; want a *config.VarError naming LEE_PRELOAD", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer g.Close()
			s := g.Stats()
			for _, i := range Interfaces() {
				if want := slices.Contains(tt.want, i); s.Interfaces[i].Constructed != want {
					t.Errorf("%s constructed = %v; want %v", i, s.Interfaces[i].Constructed, want)
				}
			}
		})
	}
}

// TestLoadFromEnvironment goes the way the function does: environment,
// config.Load, FromConfig.
func TestLoadFromEnvironment(t *testing.T) {
	t.Setenv("HA_URL", localURL)
	t.Setenv("LEE_PRELOAD", "cache,Logging")
	g, err := Load(Options{Stdout: &syncBuffer{}})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if s := g.Stats(); s.Constructed != 2 || !s.Interfaces[Cache].Constructed || !s.Interfaces[Logging].Constructed {
		t.Errorf("stats after LEE_PRELOAD=cache,Logging: %s", s.JSON())
	}

	t.Setenv("LEE_PRELOAD", "cache,bogus")
	_, err = Load(Options{Stdout: &syncBuffer{}})
	var ve *config.VarError
	if !errors.As(err, &ve) || ve.Var != config.VarPreload || !strings.Contains(err.Error(), "bogus") {
		t.Errorf("Load error %v; want a *config.VarError naming LEE_PRELOAD and bogus", err)
	}
}

// TestParsePreloadProperty: whatever the text, ParsePreload either names
// LEE_PRELOAD in its error or returns valid interfaces in table order.
func TestParsePreloadProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		list := rapid.OneOf(
			rapid.String(),
			rapid.Map(rapid.SliceOf(rapid.SampledFrom(append(interfaceNames[:], "all", " ", "", "ALL", "Cache"))),
				func(s []string) string { return strings.Join(s, ",") }),
		).Draw(t, "list")
		got, err := ParsePreload(list)
		if err != nil {
			var ve *config.VarError
			if !errors.As(err, &ve) || ve.Var != config.VarPreload {
				t.Fatalf("ParsePreload(%q) error %v is not a LEE_PRELOAD VarError", list, err)
			}
			return
		}
		for n, i := range got {
			if !i.Valid() || (n > 0 && got[n-1] >= i) {
				t.Fatalf("ParsePreload(%q) = %v; want valid interfaces, increasing", list, got)
			}
		}
	})
}

func TestConstructInvalidInterface(t *testing.T) {
	g, _ := newTestGateway(t, testConfig(localURL))
	if err := g.Preload(Cache, Interface(99)); err == nil || !strings.Contains(err.Error(), "invalid interface 99") {
		t.Errorf("Preload of interface 99: %v; want an error naming it", err)
	}
	if !g.Stats().Interfaces[Cache].Constructed {
		t.Error("the valid interface before it was not built")
	}
}
