package metrics_test

import (
	"bytes"
	"sync"
	"testing"
	"time"

	"github.com/lee-engine/lee/metrics"
)

// lineWriter keeps each line written; Recorder writes a whole line per call.
type lineWriter struct {
	mu    sync.Mutex
	lines [][]byte
}

func (w *lineWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.lines = append(w.lines, bytes.Clone(p))
	return len(p), nil
}

func TestConcurrentRecordAndFlush(t *testing.T) {
	const workers, each, flushes = 6, 300, 25
	w := &lineWriter{}
	r, _ := newRecorder(t, metrics.Settings{Writer: w, Names: metrics.All, MaxValues: 10})
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range each {
				if err := r.Count(metrics.Directives, 1); err != nil {
					t.Error(err)
				}
				if err := r.Duration(metrics.HALatency, time.Duration(i)*time.Millisecond); err != nil {
					t.Error(err)
				}
				_ = r.Count("Unlisted", 1)
			}
		})
	}
	wg.Go(func() {
		for range flushes {
			if err := r.Flush(); err != nil {
				t.Error(err)
			}
		}
	})
	wg.Wait()
	if err := r.Flush(); err != nil {
		t.Fatal(err)
	}

	directives, latencies := 0.0, 0.0
	for _, raw := range w.lines {
		line, err := validateEMF(raw)
		if err != nil {
			t.Fatalf("invalid line: %v\n%s", err, raw)
		}
		for _, v := range numbers(line.Root[metrics.Directives]) {
			directives += v
		}
		latencies += float64(sampleCount(line, metrics.HALatency))
	}
	if directives != workers*each || latencies != workers*each {
		t.Fatalf("counted %v directives and %v latencies, want %d each", directives, latencies, workers*each)
	}
	if r.Refused() != workers*each {
		t.Fatalf("Refused() = %d, want %d", r.Refused(), workers*each)
	}
}

// sampleCount returns how many values of name a line stands for: the exact
// count when the metric was folded, the number of values otherwise.
func sampleCount(line *emfLine, name string) int {
	if folded, ok := line.Root[metrics.FoldedKey].(map[string]any); ok {
		if stats, ok := folded[name].(map[string]any); ok {
			return int(numbers(stats["SampleCount"])[0])
		}
	}
	return len(numbers(line.Root[name]))
}
