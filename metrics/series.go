package metrics

import (
	"math"
	"math/rand/v2"
)

// series is the state of one metric name between two flushes.
//
// A counter keeps a running total. A duration keeps the exact count, sum,
// minimum and maximum of every value, and at most maxValues of the values
// themselves: while fewer arrive they are kept as they are; past that, a
// uniform random sample of them (reservoir sampling), so percentiles stay
// unbiased while memory stays fixed.
type series struct {
	name string
	unit Unit // "" until first recorded, for a listed name LEE does not define
	used bool // recorded since the last flush

	sum      float64
	n        uint64
	min, max float64
	values   []float64 // capacity maxValues, allocated once
}

// add adds n to a counter.
func (s *series) add(n float64) error {
	sum := s.sum + n
	if math.IsInf(sum, 0) {
		return ErrInvalidValue
	}
	s.sum = sum
	s.used = true
	return nil
}

// observe records one duration value in milliseconds.
func (s *series) observe(v float64, rng *rand.Rand) error {
	sum := s.sum + v
	if math.IsInf(sum, 0) {
		return ErrInvalidValue
	}
	s.sum = sum
	s.n++
	if !s.used || v < s.min {
		s.min = v
	}
	if !s.used || v > s.max {
		s.max = v
	}
	s.used = true
	switch {
	case len(s.values) < cap(s.values):
		s.values = append(s.values, v)
	default:
		if j := rng.Uint64N(s.n); j < uint64(len(s.values)) {
			s.values[j] = v
		}
	}
	return nil
}

// folded reports whether more duration values arrived than were kept.
func (s *series) folded() bool {
	return s.unit == Milliseconds && s.n > uint64(len(s.values))
}

// pinExtremes makes the kept sample of a folded series carry the true
// minimum and maximum, so the CloudWatch Minimum and Maximum statistics stay
// exact. It changes the sample in place, once, just before it is written.
func (s *series) pinExtremes() {
	lo, hi := 0, 0
	for i, v := range s.values {
		if v < s.values[lo] {
			lo = i
		}
		if v > s.values[hi] {
			hi = i
		}
	}
	if lo == hi {
		hi = (lo + 1) % len(s.values)
	}
	s.values[lo], s.values[hi] = s.min, s.max
}

// reset forgets the values recorded since the last flush; the name, unit
// and storage stay.
func (s *series) reset() {
	s.used, s.sum, s.n, s.min, s.max = false, 0, 0, 0, 0
	s.values = s.values[:0]
}
