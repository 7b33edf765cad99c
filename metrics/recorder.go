package metrics

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Recorder collects counters and durations during an invocation and writes
// them as one CloudWatch Embedded Metric Format line when flushed. It accepts
// at most MaxNames distinct names over its life. A Recorder is safe for
// concurrent use.
type Recorder struct {
	cfg     config
	refused atomic.Uint64

	mu     sync.Mutex
	series []series // sorted by name
	rng    *rand.Rand
	buf    []byte
}

// New returns a Recorder configured by s, or an error wrapping
// ErrInvalidSettings, ErrInvalidName or ErrTooManyNames when s cannot be
// honoured.
func New(s Settings) (*Recorder, error) {
	cfg, err := newConfig(s)
	if err != nil {
		return nil, fmt.Errorf("metrics: new: %w", err)
	}
	r := &Recorder{
		cfg:    cfg,
		series: make([]series, 0, MaxNames),
		// A fixed seed keeps sampled output reproducible; the sample only
		// needs to be unbiased, not unpredictable.
		rng: rand.New(rand.NewPCG(0x4c4545, 0x656d66)),
	}
	for _, name := range cfg.names {
		r.series = append(r.series, r.newSeries(name, UnitOf(name)))
	}
	return r, nil
}

// newSeries allocates the state of a name once, so that recording on it
// later does not allocate.
func (r *Recorder) newSeries(name string, unit Unit) series {
	s := series{name: name, unit: unit}
	if unit == Milliseconds {
		s.values = make([]float64, 0, r.cfg.maxValues)
	}
	return s
}

// Count adds n to the counter name (unit Count). It returns an error, and
// counts the record as refused, for a name that cannot be accepted (see the
// Err variables), for NaN or an infinity, and for a name first recorded as a
// duration.
func (r *Recorder) Count(name string, n float64) error {
	if r.cfg.disabled {
		return nil
	}
	err := r.record(name, Count, n)
	if err != nil {
		r.refused.Add(1)
		return fmt.Errorf("metrics: count %q: %w", name, err)
	}
	return nil
}

// Duration records d, in milliseconds, as one value of the metric name. It
// refuses, like Count, unacceptable names, negative durations and a name
// first recorded as a counter.
func (r *Recorder) Duration(name string, d time.Duration) error {
	if r.cfg.disabled {
		return nil
	}
	var err error
	if d < 0 {
		err = ErrInvalidValue
	} else {
		err = r.record(name, Milliseconds, float64(d)/float64(time.Millisecond))
	}
	if err != nil {
		r.refused.Add(1)
		return fmt.Errorf("metrics: duration %q: %w", name, err)
	}
	return nil
}

// Refused returns the number of records refused so far, whatever the
// reason: an eleventh name, a name not listed, an invalid value or a unit
// mismatch.
func (r *Recorder) Refused() uint64 {
	return r.refused.Load()
}

// record applies one value to name under the lock.
func (r *Recorder) record(name string, unit Unit, v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ErrInvalidValue
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	s, err := r.lookup(name, unit)
	if err != nil {
		return err
	}
	if unit == Count {
		return s.add(v)
	}
	return s.observe(v, r.rng)
}

// lookup finds or registers name, checking that it is used with one unit.
func (r *Recorder) lookup(name string, unit Unit) (*series, error) {
	i, found := slices.BinarySearchFunc(r.series, name, func(s series, name string) int {
		return strings.Compare(s.name, name)
	})
	if found {
		s := &r.series[i]
		if s.unit == "" {
			*s = r.newSeries(name, unit)
		}
		if s.unit != unit {
			return nil, fmt.Errorf("recorded as %s: %w", s.unit, ErrUnitMismatch)
		}
		return s, nil
	}
	if r.cfg.names != nil {
		return nil, ErrUnknownName
	}
	if len(r.series) >= MaxNames {
		return nil, ErrTooManyNames
	}
	if err := r.cfg.checkName(name); err != nil {
		return nil, err
	}
	if want := UnitOf(name); want != "" && want != unit {
		return nil, fmt.Errorf("LEE records it as %s: %w", want, ErrUnitMismatch)
	}
	r.series = slices.Insert(r.series, i, r.newSeries(strings.Clone(name), unit))
	return &r.series[i], nil
}

// Flush writes exactly one EMF line holding every metric recorded since the
// last flush, then forgets the values (names stay registered). It writes
// nothing when nothing was recorded or the Recorder is disabled. The values
// are forgotten even when the write fails, so a broken writer cannot make
// memory grow.
//
// A duration with more values than Settings.MaxValues is folded: the line
// carries MaxValues values, a uniform sample whose smallest and largest are
// the true minimum and maximum, so CloudWatch's Minimum, Maximum and
// percentiles stay right while its SampleCount and Sum see only the sample.
// The exact count, sum, minimum and maximum then travel in the same line
// under FoldedKey, for CloudWatch Logs Insights.
func (r *Recorder) Flush() error {
	if r.cfg.disabled {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if !slices.ContainsFunc(r.series, func(s series) bool { return s.used }) {
		return nil
	}
	r.buf = r.appendLine(r.buf[:0], r.cfg.now().UnixMilli())
	for i := range r.series {
		r.series[i].reset()
	}
	if _, err := r.cfg.writer.Write(r.buf); err != nil {
		return fmt.Errorf("metrics: flush: %w", err)
	}
	return nil
}
