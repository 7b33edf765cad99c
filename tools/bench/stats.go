package bench

import (
	"math"
	"slices"
	"time"
)

// median is the middle value of xs (the mean of the two middle values for an
// even count); 0 for none. xs is not modified.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	mid := len(s) / 2
	if len(s)%2 == 1 {
		return s[mid]
	}
	return (s[mid-1] + s[mid]) / 2
}

// lowerMedian is the middle value of xs, the lower of the two middle values
// for an even count: always one of the samples. 0 for none.
func lowerMedian(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[(len(s)-1)/2]
}

// medianInt is median for whole numbers.
func medianInt(xs []int64) float64 {
	f := make([]float64, len(xs))
	for i, x := range xs {
		f[i] = float64(x)
	}
	return median(f)
}

// percentile is the nearest-rank p-th percentile of xs (0 < p <= 100): the
// smallest value that at least p percent of the samples do not exceed. It
// is always one of the samples, so p99 of 200 is the second largest.
func percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	rank := int(math.Ceil(p / 100 * float64(len(s))))
	rank = min(max(rank, 1), len(s))
	return s[rank-1]
}

// ratio is a/b, or 0 when b is not positive: a ratio that cannot be formed
// is shown as missing rather than as infinity.
func ratio(a, b float64) float64 {
	if b <= 0 {
		return 0
	}
	return a / b
}

// millis converts a duration to fractional milliseconds.
func millis(d time.Duration) float64 {
	return float64(d.Nanoseconds()) / 1e6
}

// round3 keeps three decimals, enough for milliseconds measured in
// microseconds, so the JSON report stays readable.
func round3(x float64) float64 {
	return math.Round(x*1000) / 1000
}
