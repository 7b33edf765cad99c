package metrics_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/lee-engine/lee/metrics"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func TestGolden(t *testing.T) {
	tests := []struct {
		file   string
		s      metrics.Settings
		record func(*metrics.Recorder)
	}{
		{
			file: "invocation.golden",
			s:    metrics.Settings{Dimensions: map[string]string{metrics.FunctionNameKey: "lee"}, Names: metrics.All},
			record: func(r *metrics.Recorder) {
				_ = r.Count(metrics.ColdStart, 1)
				_ = r.Count(metrics.Directives, 1)
				_ = r.Duration(metrics.HALatency, 182500*time.Microsecond)
				_ = r.Duration(metrics.HALatency, 41*time.Millisecond)
				_ = r.Count(metrics.InternalError, 1)
			},
		},
		{
			file: "folded.golden",
			s:    metrics.Settings{Namespace: "LEE-test", Dimensions: map[string]string{"Stage": "dev", "FunctionName": "lee"}, MaxValues: 4},
			record: func(r *metrics.Recorder) {
				for i := 1; i <= 9; i++ {
					_ = r.Duration(metrics.HALatency, time.Duration(i)*10*time.Millisecond)
				}
				_ = r.Count("Custom \"quoted\"", 2.5)
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			r, buf := newRecorder(t, tt.s)
			tt.record(r)
			flushOne(t, r, buf)
			path := filepath.Join("testdata", tt.file)
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("read golden file (run with -update to create it): %v", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Fatalf("line differs from %s\n got: %s\nwant: %s", path, buf.Bytes(), want)
			}
		})
	}
}
