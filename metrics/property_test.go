package metrics_test

import (
	"bytes"
	"math"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/lee-engine/lee/metrics"
)

// model is what a Recorder should hold, computed independently of it.
type model struct {
	units   map[string]metrics.Unit // registered names
	counts  map[string]float64      // counter totals since the last flush
	samples map[string]int          // duration values since the last flush
	refused uint64
}

// accepts applies one record to the model and reports whether the
// Recorder must accept it.
func (m *model) accepts(name string, unit metrics.Unit) bool {
	have, known := m.units[name]
	want := metrics.UnitOf(name)
	switch {
	case known && have != unit,
		!known && len(m.units) >= metrics.MaxNames,
		!known && want != "" && want != unit:
		m.refused++
		return false
	}
	m.units[name] = unit
	return true
}

func TestPropertyAtMostTenNames(t *testing.T) {
	names := rapid.OneOf(rapid.SampledFrom(metrics.All), rapid.StringMatching(`[A-Z][a-z]{0,3}`))
	rapid.Check(t, func(t *rapid.T) {
		r, buf := newRecorder(t, metrics.Settings{Dimensions: metrics.DefaultDimensions(), MaxValues: 3})
		m := &model{units: map[string]metrics.Unit{}, counts: map[string]float64{}, samples: map[string]int{}}
		seen := map[string]bool{}
		steps := rapid.IntRange(1, 80).Draw(t, "steps")
		for range steps {
			name := names.Draw(t, "name")
			switch rapid.IntRange(0, 4).Draw(t, "op") {
			case 0, 1:
				n := float64(rapid.IntRange(-3, 50).Draw(t, "n"))
				err := r.Count(name, n)
				if ok := m.accepts(name, metrics.Count); ok != (err == nil) {
					t.Fatalf("Count(%q) error %v, model says accept=%v", name, err, ok)
				} else if ok {
					m.counts[name] += n
				}
			case 2, 3:
				ms := rapid.IntRange(0, 9000).Draw(t, "ms")
				err := r.Duration(name, time.Duration(ms)*time.Millisecond)
				if ok := m.accepts(name, metrics.Milliseconds); ok != (err == nil) {
					t.Fatalf("Duration(%q) error %v, model says accept=%v", name, err, ok)
				} else if ok {
					m.samples[name]++
				}
			case 4:
				checkFlush(t, r, buf, m, seen)
			}
		}
		checkFlush(t, r, buf, m, seen)
		if r.Refused() != m.refused {
			t.Fatalf("Refused() = %d, model %d", r.Refused(), m.refused)
		}
		if len(seen) > metrics.MaxNames {
			t.Fatalf("%d distinct names emitted over the recorder's life", len(seen))
		}
	})
}

// checkFlush flushes r and compares the line with the model.
func checkFlush(t *rapid.T, r *metrics.Recorder, buf *bytes.Buffer, m *model, seen map[string]bool) {
	buf.Reset()
	if err := r.Flush(); err != nil {
		t.Fatalf("Flush: %v", err)
	}
	if len(m.counts)+len(m.samples) == 0 {
		if buf.Len() != 0 {
			t.Fatalf("nothing recorded but Flush wrote %s", buf.Bytes())
		}
		return
	}
	line, err := validateEMF(buf.Bytes())
	if err != nil {
		t.Fatalf("invalid EMF line: %v\n%s", err, buf.Bytes())
	}
	if len(line.Metrics) != len(m.counts)+len(m.samples) {
		t.Fatalf("line has %d metrics, model %d", len(line.Metrics), len(m.counts)+len(m.samples))
	}
	for _, def := range line.Metrics {
		seen[def.Name] = true
		values := numbers(line.Root[def.Name])
		if n, ok := m.counts[def.Name]; ok && (len(values) != 1 || math.Abs(values[0]-n) > 1e-9) {
			t.Fatalf("%s = %v, model %v", def.Name, values, n)
		}
		if n, ok := m.samples[def.Name]; ok && len(values) != min(n, 3) {
			t.Fatalf("%s carries %d values, model %d recorded (cap 3)", def.Name, len(values), n)
		}
	}
	clear(m.counts)
	clear(m.samples)
}
