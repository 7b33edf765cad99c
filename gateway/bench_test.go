package gateway

import (
	"context"
	"io"
	"testing"

	"github.com/lee-engine/lee/config"
)

// benchConfig is a complete configuration that reaches nothing outside the
// process: no interface constructed here opens a connection.
func benchConfig(preload ...string) *config.Config {
	return &config.Config{
		HAURL:          "http://127.0.0.1:8123",
		VerifyTLS:      true,
		Timeout:        config.DefaultTimeout,
		Tier:           config.TierStandard,
		LogLevel:       "info",
		MetricsEnabled: true,
		Preload:        preload,
	}
}

// newBenchGateway is FromConfig as the function's init runs it. It does not
// call b.Helper, whose stack walk would cost a tenth of a lazy cold gateway.
func newBenchGateway(b *testing.B, preload ...string) *Gateway {
	g, err := FromConfig(benchConfig(preload...), Options{Stdout: io.Discard})
	if err != nil {
		b.Fatal(err)
	}
	return g
}

// BenchmarkDispatch compares one cache hit reached three ways: through
// Execute's fast-path table, through Execute's generic route, and by calling
// the cache core directly (the floor).
func BenchmarkDispatch(b *testing.B) {
	ctx := context.Background()
	args := Args{Key: "endpoint-001"}
	setup := func(b *testing.B) *Gateway {
		g := newBenchGateway(b)
		if err := g.CacheSet(args.Key, "on", 0); err != nil {
			b.Fatal(err)
		}
		return g
	}
	b.Run("fast", func(b *testing.B) {
		g := setup(b)
		if !g.HasFastPath(Cache, OpGet) {
			b.Fatal("cache GET has no fast path")
		}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := g.Execute(ctx, Cache, OpGet, args); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("generic", func(b *testing.B) {
		g := setup(b)
		g.SetFastPath(false)
		b.ReportAllocs()
		for b.Loop() {
			if _, err := g.Execute(ctx, Cache, OpGet, args); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("direct", func(b *testing.B) {
		g := setup(b)
		c, err := g.cacheCore()
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			if _, ok := c.Get(args.Key); !ok {
				b.Fatal("miss")
			}
		}
	})
}

// BenchmarkColdGateway is the price of a cold start's first cache get: a new
// gateway that builds only the cache, against one that builds all eleven
// interfaces first (LEE_PRELOAD=all).
func BenchmarkColdGateway(b *testing.B) {
	cold := func(b *testing.B, preload ...string) {
		b.ReportAllocs()
		for b.Loop() {
			g := newBenchGateway(b, preload...)
			g.CacheGet("endpoint-001")
		}
	}
	b.Run("lazy", func(b *testing.B) { cold(b) })
	b.Run("eager", func(b *testing.B) { cold(b, "all") })
}
