package gateway

import (
	"context"
	"testing"
)

// TestDispatchAllocations guards the dispatch targets: the fast path and
// the typed functions allocate nothing on a cache hit, the generic route at
// most one object. It counts allocations, not time.
func TestDispatchAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector changes allocation counts; run without -race")
	}
	g, _ := newTestGateway(t, testConfig(localURL))
	ctx := context.Background()
	args := Args{Key: "endpoint-001"}
	event := []byte(`{"directive":{"header":{"name":"TurnOn"}}}`)
	if err := g.CacheSet(args.Key, "on", 0); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		max  float64
		run  func()
	}{
		{"fast", 0, func() { _, _ = g.Execute(ctx, Cache, OpGet, args) }},
		{"typed", 0, func() { g.CacheGet(args.Key) }},
		{"generic", 1, func() {
			g.SetFastPath(false)
			_, _ = g.Execute(ctx, Cache, OpGet, args)
			g.SetFastPath(true)
		}},
		{"fast miss", 0, func() { _, _ = g.Execute(ctx, Cache, OpGet, Args{Key: "missing"}) }},
		{"metric", 0, func() { _, _ = g.Execute(ctx, Metrics, OpRecord, Args{Key: MetricDirectives, Number: 1}) }},
		{"validate", 0, func() { _, _ = g.Execute(ctx, Security, OpValidate, Args{Data: event}) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.run() // builds what the first call builds
			if got := testing.AllocsPerRun(200, tt.run); got > tt.max {
				t.Errorf("%s: %.1f allocations per call; want at most %.0f", tt.name, got, tt.max)
			}
		})
	}
}
