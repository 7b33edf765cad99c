package bench

import (
	"slices"
	"testing"
	"time"

	"pgregory.net/rapid"
)

func TestMedian(t *testing.T) {
	tests := []struct {
		name string
		in   []float64
		want float64
	}{
		{"none", nil, 0},
		{"one", []float64{4}, 4},
		{"odd count, unsorted", []float64{9, 1, 5}, 5},
		{"even count is the mean of the middle two", []float64{4, 1, 3, 2}, 2.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := slices.Clone(tt.in)
			if got := median(in); got != tt.want {
				t.Errorf("median(%v) = %v, want %v", tt.in, got, tt.want)
			}
			if !slices.Equal(in, tt.in) {
				t.Errorf("median reordered its input: %v", in)
			}
		})
	}
}

func TestPercentile(t *testing.T) {
	hundred := make([]float64, 200)
	for i := range hundred {
		hundred[i] = float64(200 - i) // 200, 199, ..., 1
	}
	tests := []struct {
		name string
		in   []float64
		p    float64
		want float64
	}{
		{"none", nil, 50, 0},
		{"one sample is every percentile", []float64{7}, 99, 7},
		{"p50 of 1..200", hundred, 50, 100},
		{"p99 of 1..200 is the second largest", hundred, 99, 198},
		{"p100 is the largest", hundred, 100, 200},
		{"tiny p is the smallest", hundred, 0.1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := percentile(tt.in, tt.p); got != tt.want {
				t.Errorf("percentile(p%v) = %v, want %v", tt.p, got, tt.want)
			}
		})
	}
}

// TestPercentileProperties: a percentile is one of the samples, at least p
// percent of the samples do not exceed it, and it grows with p.
func TestPercentileProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		xs := rapid.SliceOfN(rapid.Float64Range(-1e6, 1e6), 1, 300).Draw(t, "samples")
		p := rapid.Float64Range(0.01, 100).Draw(t, "p")
		q := rapid.Float64Range(p, 100).Draw(t, "q")
		v := percentile(xs, p)
		if !slices.Contains(xs, v) {
			t.Fatalf("percentile %v is not a sample", v)
		}
		n := 0
		for _, x := range xs {
			if x <= v {
				n++
			}
		}
		if float64(n) < p/100*float64(len(xs))-1e-9 {
			t.Fatalf("only %d of %d samples are ≤ p%v = %v", n, len(xs), p, v)
		}
		if w := percentile(xs, q); w < v {
			t.Fatalf("p%v = %v is below p%v = %v", q, w, p, v)
		}
		if m := median(xs); m < slices.Min(xs) || m > slices.Max(xs) {
			t.Fatalf("median %v outside [%v, %v]", m, slices.Min(xs), slices.Max(xs))
		}
	})
}

func TestRatioAndUnits(t *testing.T) {
	tests := []struct {
		name      string
		got, want float64
	}{
		{"ratio", ratio(3, 2), 1.5},
		{"ratio over zero is missing, not infinite", ratio(3, 0), 0},
		{"millis", millis(1500 * time.Microsecond), 1.5},
		{"round3", round3(1.23456), 1.235},
		{"billed rounds up", billedMS(0.21), 1},
		{"billed keeps whole milliseconds", billedMS(3), 3},
		{"billed rounds up above one", billedMS(3.01), 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}
