package metrics_test

import (
	"io"
	"testing"
	"time"

	"github.com/lee-engine/lee/metrics"
)

func benchRecorder(b *testing.B) *metrics.Recorder {
	r, err := metrics.New(metrics.Settings{Writer: io.Discard, Names: metrics.All, Dimensions: metrics.DefaultDimensions()})
	if err != nil {
		b.Fatal(err)
	}
	return r
}

func BenchmarkCount(b *testing.B) {
	r := benchRecorder(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = r.Count(metrics.Directives, 1)
	}
}

func BenchmarkDuration(b *testing.B) {
	r := benchRecorder(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = r.Duration(metrics.HALatency, 42*time.Millisecond)
	}
}

func BenchmarkInvocation(b *testing.B) {
	r := benchRecorder(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = r.Count(metrics.Directives, 1)
		_ = r.Duration(metrics.HALatency, 42*time.Millisecond)
		_ = r.Count(metrics.BridgeUnreachable, 1)
		_ = r.Flush()
	}
}

// TestSteadyStateDoesNotAllocate checks what the benchmarks show: once a
// name is registered, recording on it and flushing allocate nothing.
func TestSteadyStateDoesNotAllocate(t *testing.T) {
	r, err := metrics.New(metrics.Settings{Writer: io.Discard, Dimensions: metrics.DefaultDimensions()})
	if err != nil {
		t.Fatal(err)
	}
	warm := func() {
		_ = r.Count(metrics.Directives, 1)
		_ = r.Duration(metrics.HALatency, 42*time.Millisecond)
		_ = r.Count("Custom", 1)
	}
	warm()
	_ = r.Flush()
	tests := map[string]func(){
		"Count":    func() { _ = r.Count(metrics.Directives, 1) },
		"Duration": func() { _ = r.Duration(metrics.HALatency, 42*time.Millisecond) },
		"dynamic":  func() { _ = r.Count("Custom", 1) },
		"Flush":    func() { warm(); _ = r.Flush() },
	}
	for name, f := range tests {
		t.Run(name, func(t *testing.T) {
			if allocs := testing.AllocsPerRun(200, f); allocs != 0 {
				t.Fatalf("%v allocations per call, want 0", allocs)
			}
		})
	}
}
