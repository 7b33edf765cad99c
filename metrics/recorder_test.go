package metrics_test

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lee-engine/lee/metrics"
)

func TestNewRejectsSettings(t *testing.T) {
	eleven := append(slices.Clone(metrics.All), "Extra")
	tests := []struct {
		name string
		s    metrics.Settings
		want error
	}{
		{"four dimensions", metrics.Settings{Dimensions: map[string]string{"a": "1", "b": "2", "c": "3", "d": "4"}}, metrics.ErrInvalidSettings},
		{"empty dimension value", metrics.Settings{Dimensions: map[string]string{"a": ""}}, metrics.ErrInvalidSettings},
		{"dimension key with underscore", metrics.Settings{Dimensions: map[string]string{"_aws": "x"}}, metrics.ErrInvalidSettings},
		{"dimension value not ASCII", metrics.Settings{Dimensions: map[string]string{"a": "é"}}, metrics.ErrInvalidSettings},
		{"MaxValues 1", metrics.Settings{MaxValues: 1}, metrics.ErrInvalidSettings},
		{"MaxValues 101", metrics.Settings{MaxValues: 101}, metrics.ErrInvalidSettings},
		{"MaxValues negative", metrics.Settings{MaxValues: -5}, metrics.ErrInvalidSettings},
		{"namespace with newline", metrics.Settings{Namespace: "LEE\n"}, metrics.ErrInvalidSettings},
		{"namespace blank", metrics.Settings{Namespace: "   "}, metrics.ErrInvalidSettings},
		{"eleven names", metrics.Settings{Names: eleven}, metrics.ErrTooManyNames},
		{"name equal to a dimension", metrics.Settings{Names: []string{"FunctionName"}, Dimensions: metrics.DefaultDimensions()}, metrics.ErrInvalidName},
		{"empty name", metrics.Settings{Names: []string{""}}, metrics.ErrInvalidName},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := metrics.New(tt.s)
			if !errors.Is(err, tt.want) || r != nil {
				t.Fatalf("New = %v, %v; want nil, %v", r, err, tt.want)
			}
		})
	}
	if _, err := metrics.New(metrics.Settings{Names: append(slices.Clone(metrics.All), metrics.All...)}); err != nil {
		t.Fatalf("repeated names must count once: %v", err)
	}
}

func TestRecordRefusals(t *testing.T) {
	tests := []struct {
		name   string
		s      metrics.Settings
		record func(*metrics.Recorder) error
		want   error
	}{
		{"name not listed", metrics.Settings{Names: metrics.Essential},
			func(r *metrics.Recorder) error { return r.Count(metrics.BreakerOpen, 1) }, metrics.ErrUnknownName},
		{"NaN", metrics.Settings{}, func(r *metrics.Recorder) error { return r.Count("A", math.NaN()) }, metrics.ErrInvalidValue},
		{"infinity", metrics.Settings{}, func(r *metrics.Recorder) error { return r.Count("A", math.Inf(1)) }, metrics.ErrInvalidValue},
		{"sum overflows", metrics.Settings{}, func(r *metrics.Recorder) error {
			_ = r.Count("A", math.MaxFloat64)
			return r.Count("A", math.MaxFloat64)
		}, metrics.ErrInvalidValue},
		{"negative duration", metrics.Settings{}, func(r *metrics.Recorder) error { return r.Duration("A", -time.Millisecond) }, metrics.ErrInvalidValue},
		{"LEE counter as duration", metrics.Settings{}, func(r *metrics.Recorder) error { return r.Duration(metrics.Directives, time.Second) }, metrics.ErrUnitMismatch},
		{"LEE duration as counter", metrics.Settings{Names: metrics.All}, func(r *metrics.Recorder) error { return r.Count(metrics.HALatency, 1) }, metrics.ErrUnitMismatch},
		{"unit fixed by first use", metrics.Settings{}, func(r *metrics.Recorder) error {
			_ = r.Duration("Custom", time.Second)
			return r.Count("Custom", 1)
		}, metrics.ErrUnitMismatch},
		{"empty name", metrics.Settings{}, func(r *metrics.Recorder) error { return r.Count("", 1) }, metrics.ErrInvalidName},
		{"reserved name", metrics.Settings{}, func(r *metrics.Recorder) error { return r.Count("_aws", 1) }, metrics.ErrInvalidName},
		{"control character", metrics.Settings{}, func(r *metrics.Recorder) error { return r.Count("a\nb", 1) }, metrics.ErrInvalidName},
		{"dimension key", metrics.Settings{Dimensions: metrics.DefaultDimensions()}, func(r *metrics.Recorder) error { return r.Count(metrics.FunctionNameKey, 1) }, metrics.ErrInvalidName},
		{"too long", metrics.Settings{}, func(r *metrics.Recorder) error { return r.Count(strings.Repeat("n", 256), 1) }, metrics.ErrInvalidName},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, buf := newRecorder(t, tt.s)
			err := tt.record(r)
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			if r.Refused() != 1 {
				t.Fatalf("Refused() = %d, want 1", r.Refused())
			}
			if err := r.Flush(); err != nil {
				t.Fatal(err)
			}
			if buf.Len() > 0 {
				if _, err := validateEMF(buf.Bytes()); err != nil {
					t.Fatalf("invalid line after a refusal: %v", err)
				}
			}
		})
	}
}

func TestEleventhNameRefused(t *testing.T) {
	r, buf := newRecorder(t, metrics.Settings{Dimensions: metrics.DefaultDimensions()})
	for _, name := range metrics.All {
		if metrics.UnitOf(name) == metrics.Milliseconds {
			if err := r.Duration(name, time.Millisecond); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := r.Count(name, 1); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.Count("Eleventh", 1); !errors.Is(err, metrics.ErrTooManyNames) {
		t.Fatalf("11th name: got %v, want ErrTooManyNames", err)
	}
	line := flushOne(t, r, buf)
	if len(line.Metrics) != 10 || line.Root["Eleventh"] != nil {
		t.Fatalf("want the ten LEE metrics only, got %v", line.Metrics)
	}
	// Names stay registered across flushes: the budget is per process.
	if err := r.Count("Eleventh", 1); !errors.Is(err, metrics.ErrTooManyNames) {
		t.Fatalf("11th name after flush: got %v", err)
	}
	if err := r.Count(metrics.Directives, 2); err != nil {
		t.Fatalf("registered name after flush: %v", err)
	}
	if r.Refused() != 2 {
		t.Fatalf("Refused() = %d, want 2", r.Refused())
	}
}

func TestFlushValues(t *testing.T) {
	r, buf := newRecorder(t, metrics.Settings{Names: metrics.All})
	if err := r.Flush(); err != nil || buf.Len() != 0 {
		t.Fatalf("empty flush wrote %q, %v", buf.String(), err)
	}
	_ = r.Count(metrics.Directives, 1)
	_ = r.Count(metrics.Directives, 2)
	_ = r.Count(metrics.BridgeUnreachable, 0)
	_ = r.Duration(metrics.HALatency, 1500*time.Microsecond)
	line := flushOne(t, r, buf)
	tests := map[string][]float64{
		metrics.Directives:        {3},
		metrics.BridgeUnreachable: {0},
		metrics.HALatency:         {1.5},
	}
	if len(line.Metrics) != len(tests) {
		t.Fatalf("metrics %v, want %d", line.Metrics, len(tests))
	}
	for name, want := range tests {
		if got := numbers(line.Root[name]); !slices.Equal(got, want) {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	_ = r.Duration(metrics.HALatency, 2*time.Millisecond)
	_ = r.Duration(metrics.HALatency, 3*time.Millisecond)
	line = flushOne(t, r, buf)
	if got := numbers(line.Root[metrics.HALatency]); !slices.Equal(got, []float64{2, 3}) || line.Root[metrics.Directives] != nil {
		t.Fatalf("values must reset between flushes, got %v", line.Root)
	}
	buf.Reset()
	if err := r.Flush(); err != nil || buf.Len() != 0 {
		t.Fatalf("flush after flush wrote %q", buf.String())
	}
}

func TestFoldedDuration(t *testing.T) {
	const n, keep = 1000, 5
	r, buf := newRecorder(t, metrics.Settings{MaxValues: keep})
	sum := 0.0
	for i := range n {
		// Largest value in the middle so it must survive sampling.
		ms := float64((i * 7) % n)
		sum += ms
		_ = r.Duration("Latency", time.Duration(ms*float64(time.Millisecond)))
	}
	line := flushOne(t, r, buf)
	values := numbers(line.Root["Latency"])
	if len(values) != keep || slices.Min(values) != 0 || slices.Max(values) != n-1 {
		t.Fatalf("folded sample %v: want %d values with min 0 and max %d", values, keep, n-1)
	}
	folded, _ := line.Root[metrics.FoldedKey].(map[string]any)
	stats, _ := folded["Latency"].(map[string]any)
	want := map[string]float64{"SampleCount": n, "Sum": sum, "Minimum": 0, "Maximum": n - 1}
	for k, v := range want {
		if got := numbers(stats[k]); len(got) != 1 || got[0] != v {
			t.Errorf("%s %s = %v, want %v", metrics.FoldedKey, k, stats[k], v)
		}
	}
	_ = r.Duration("Latency", time.Millisecond)
	if line := flushOne(t, r, buf); line.Root[metrics.FoldedKey] != nil {
		t.Fatalf("fold must not outlive its flush: %v", line.Root)
	}
}

func TestDisabled(t *testing.T) {
	r, buf := newRecorder(t, metrics.Settings{Disabled: true, Names: metrics.Essential})
	if err := r.Count(metrics.Directives, 1); err != nil {
		t.Fatal(err)
	}
	if err := r.Count("NotListed", 1); err != nil {
		t.Fatal(err)
	}
	if err := r.Flush(); err != nil || buf.Len() != 0 || r.Refused() != 0 {
		t.Fatalf("disabled recorder wrote %q, err %v, refused %d", buf.String(), err, r.Refused())
	}
}

func TestFlushWriteError(t *testing.T) {
	r, _ := newRecorder(t, metrics.Settings{Writer: errWriter{}})
	_ = r.Count("A", 1)
	if err := r.Flush(); !errors.Is(err, errBroken) {
		t.Fatalf("Flush = %v, want the write error", err)
	}
	if err := r.Flush(); err != nil {
		t.Fatalf("values must be dropped after a failed write, got %v", err)
	}
}

func TestListedNameTakesUnitOfFirstUse(t *testing.T) {
	r, buf := newRecorder(t, metrics.Settings{Names: []string{"Queue", "Wait"}})
	_ = r.Count("Queue", 4)
	_ = r.Duration("Wait", time.Second)
	line := flushOne(t, r, buf)
	want := []metricDef{{"Queue", "Count"}, {"Wait", "Milliseconds"}}
	if !slices.Equal(line.Metrics, want) {
		t.Fatalf("metrics %v, want %v", line.Metrics, want)
	}
}

func TestDefaultDimensions(t *testing.T) {
	tests := map[string]string{"": "lee", "lee-prod": "lee-prod"}
	for env, want := range tests {
		t.Run(want, func(t *testing.T) {
			t.Setenv("AWS_LAMBDA_FUNCTION_NAME", env)
			got := metrics.DefaultDimensions()
			if len(got) != 1 || got[metrics.FunctionNameKey] != want {
				t.Fatalf("DefaultDimensions() = %v, want FunctionName=%s", got, want)
			}
		})
	}
}

func TestUnitOf(t *testing.T) {
	for _, name := range metrics.All {
		want := metrics.Count
		if name == metrics.HALatency {
			want = metrics.Milliseconds
		}
		if got := metrics.UnitOf(name); got != want {
			t.Errorf("UnitOf(%s) = %q, want %q", name, got, want)
		}
	}
	if got := metrics.UnitOf("Other"); got != "" {
		t.Errorf("UnitOf(Other) = %q, want empty", got)
	}
	if len(metrics.All) != metrics.MaxNames || len(metrics.Essential) != 5 {
		t.Fatalf("All has %d names, Essential %d", len(metrics.All), len(metrics.Essential))
	}
	for _, name := range metrics.Essential {
		if !slices.Contains(metrics.All, name) {
			t.Errorf("essential %s missing from All", name)
		}
	}
}
