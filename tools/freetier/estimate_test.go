package freetier

import (
	"errors"
	"math"
	"testing"

	"pgregory.net/rapid"
)

// near compares floats computed in different orders.
func near(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
}

func TestCompute(t *testing.T) {
	tests := []struct {
		name            string
		in              Settings
		billed          int64
		gbsPerInv       float64
		gbs             float64
		binding         string
		freeInv         int64
		computeFreeInv  int64
		requestsPercent float64
		logGB           float64
		cost            Cost
	}{
		{
			// 128 MB × 100 ms = 0.125 GB × 0.1 s = 0.0125 GB-s; × 100,000 = 1,250 GB-s.
			name:   "defaults of the command",
			in:     Settings{DurationMS: 100, Invocations: 100_000, LogBytesPerInvocation: 600, MetricNames: 10},
			billed: 100, gbsPerInv: 0.0125, gbs: 1250, binding: LimitRequests,
			freeInv: 1_000_000, computeFreeInv: 32_000_000, requestsPercent: 10,
			logGB: 60_000_000.0 / (1 << 30),
		},
		{
			// 87.2 ms is billed as 88 ms: 0.125 × 0.088 = 0.011 GB-s.
			name:   "duration rounds up to the next millisecond",
			in:     Settings{DurationMS: 87.2, Invocations: 1000},
			billed: 88, gbsPerInv: 0.011, gbs: 11, binding: LimitRequests,
			freeInv: 1_000_000, computeFreeInv: 36_363_636, requestsPercent: 0.1,
		},
		{
			name:   "a hair above a whole millisecond bills the next one",
			in:     Settings{DurationMS: 100.0001, Invocations: 1},
			billed: 101, gbsPerInv: 0.012625, gbs: 0.012625, binding: LimitRequests,
			freeInv: 1_000_000, computeFreeInv: 31_683_168, requestsPercent: 0.0001,
		},
		{
			// 0.125 GB × 3.2 s = 0.4 GB-s: compute covers exactly 1,000,000.
			name:   "tie at 3200 ms stays with requests",
			in:     Settings{DurationMS: 3200, Invocations: 10},
			billed: 3200, gbsPerInv: 0.4, gbs: 4, binding: LimitRequests,
			freeInv: 1_000_000, computeFreeInv: 1_000_000, requestsPercent: 0.001,
		},
		{
			// 409,600,000,000 / (128 × 3201) = 999,687.5 → 999,687.
			name:   "one millisecond longer and compute binds",
			in:     Settings{DurationMS: 3200.5, Invocations: 10},
			billed: 3201, gbsPerInv: 0.400125, gbs: 4.00125, binding: LimitCompute,
			freeInv: 999_687, computeFreeInv: 999_687, requestsPercent: 0.001,
		},
		{
			// 1 GB × 1 s = 1 GB-s; 2,000,000 GB-s is 1,600,000 beyond the free
			// 400,000 at $0.0000166667 = $26.66672; 1,000,000 extra requests =
			// $0.20; 2 extra metrics = $0.60.
			name:   "beyond the free tier on x86_64",
			in:     Settings{MemoryMB: 1024, Arch: "amd64", DurationMS: 1000, Invocations: 2_000_000, MetricNames: 12},
			billed: 1000, gbsPerInv: 1, gbs: 2_000_000, binding: LimitCompute,
			freeInv: 400_000, computeFreeInv: 400_000, requestsPercent: 200,
			cost: Cost{Requests: 0.20, Compute: 26.66672, Metrics: 0.60, Total: 27.46672},
		},
		{
			// 6144 bytes × 2^20 invocations = 6 GiB: 1 GB beyond = $0.50;
			// 48,576 requests beyond = $0.0097152; 0.00125 × 2^20 = 1,310.72 GB-s.
			name:   "logs beyond the free ingestion on arm64",
			in:     Settings{Arch: "arm64", DurationMS: 10, Invocations: 1 << 20, LogBytesPerInvocation: 6144},
			billed: 10, gbsPerInv: 0.00125, gbs: 1310.72, binding: LimitRequests,
			freeInv: 1_000_000, computeFreeInv: 320_000_000, requestsPercent: 104.8576,
			logGB: 6,
			cost:  Cost{Requests: 0.0097152, Logs: 0.5, Total: 0.5097152},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, err := Compute(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if e.BilledDurationMS != tc.billed {
				t.Errorf("billed = %d ms, want %d", e.BilledDurationMS, tc.billed)
			}
			if !near(e.GBSecondsPerInvocation, tc.gbsPerInv) || !near(e.Compute.Used, tc.gbs) {
				t.Errorf("GB-s = %v per invocation, %v total; want %v, %v", e.GBSecondsPerInvocation, e.Compute.Used, tc.gbsPerInv, tc.gbs)
			}
			if e.BindingLimit != tc.binding || e.FreeInvocations != tc.freeInv || e.ComputeFreeInvocations != tc.computeFreeInv {
				t.Errorf("binding = %s, free = %d, compute free = %d; want %s, %d, %d",
					e.BindingLimit, e.FreeInvocations, e.ComputeFreeInvocations, tc.binding, tc.freeInv, tc.computeFreeInv)
			}
			if !near(e.Requests.Percent, tc.requestsPercent) {
				t.Errorf("requests = %v%%, want %v%%", e.Requests.Percent, tc.requestsPercent)
			}
			if !near(e.Logs.Used, tc.logGB) {
				t.Errorf("logs = %v GB, want %v", e.Logs.Used, tc.logGB)
			}
			c := e.Cost
			if !near(c.Requests, tc.cost.Requests) || !near(c.Compute, tc.cost.Compute) || !near(c.Metrics, tc.cost.Metrics) ||
				!near(c.Logs, tc.cost.Logs) || !near(c.Total, tc.cost.Total) {
				t.Errorf("cost = %+v, want %+v", c, tc.cost)
			}
		})
	}
}

func TestComputeDefaultsAndPrices(t *testing.T) {
	e, err := Compute(Settings{DurationMS: 1})
	if err != nil {
		t.Fatal(err)
	}
	if e.MemoryMB != 128 || e.Arch != ArchARM || e.Prices != PublicPrices {
		t.Errorf("zero settings gave %d MB %s prices %+v", e.MemoryMB, e.Arch, e.Prices)
	}
	custom := PublicPrices
	custom.GBSecondArm = 1
	e, err = Compute(Settings{MemoryMB: 1024, DurationMS: 1000, Invocations: 400_001, Prices: &custom})
	if err != nil {
		t.Fatal(err)
	}
	if !near(e.Cost.Compute, 1) {
		t.Errorf("one GB-s beyond at $1 cost %v", e.Cost.Compute)
	}
}

func TestComputeRejects(t *testing.T) {
	tests := []struct {
		name string
		in   Settings
	}{
		{"memory below Lambda's minimum", Settings{MemoryMB: 64, DurationMS: 1}},
		{"memory above Lambda's maximum", Settings{MemoryMB: 10241, DurationMS: 1}},
		{"unknown architecture", Settings{Arch: "sparc", DurationMS: 1}},
		{"no duration", Settings{}},
		{"negative duration", Settings{DurationMS: -5}},
		{"NaN duration", Settings{DurationMS: math.NaN()}},
		{"longer than Lambda allows", Settings{DurationMS: 900_001}},
		{"negative invocations", Settings{DurationMS: 1, Invocations: -1}},
		{"negative log bytes", Settings{DurationMS: 1, LogBytesPerInvocation: -1}},
		{"negative metrics", Settings{DurationMS: 1, MetricNames: -1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Compute(tc.in)
			if !errors.Is(err, ErrInvalidSettings) {
				t.Fatalf("err = %v, want ErrInvalidSettings", err)
			}
		})
	}
}

func TestComputeProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := Settings{
			MemoryMB:              rapid.IntRange(128, 10240).Draw(t, "memory"),
			Arch:                  rapid.SampledFrom([]string{"arm64", "x86_64"}).Draw(t, "arch"),
			DurationMS:            rapid.Float64Range(0.001, 900_000).Draw(t, "duration"),
			Invocations:           rapid.Int64Range(0, 1e10).Draw(t, "invocations"),
			LogBytesPerInvocation: rapid.Float64Range(0, 1e6).Draw(t, "log"),
			MetricNames:           rapid.IntRange(0, 100).Draw(t, "metrics"),
		}
		e, err := Compute(s)
		if err != nil {
			t.Fatal(err)
		}
		if d := float64(e.BilledDurationMS) - s.DurationMS; d < 0 || d >= 1 {
			t.Fatalf("billed %d ms for %v ms", e.BilledDurationMS, s.DurationMS)
		}
		if e.FreeInvocations > FreeRequests || e.FreeInvocations > e.ComputeFreeInvocations && e.BindingLimit == LimitCompute {
			t.Fatalf("free invocations %d with binding %s", e.FreeInvocations, e.BindingLimit)
		}
		if (e.BindingLimit == LimitCompute) != (e.GBSecondsPerInvocation > 0.4) {
			t.Fatalf("binding %s at %v GB-s per invocation", e.BindingLimit, e.GBSecondsPerInvocation)
		}
		c := e.Cost
		if c.Requests < 0 || c.Compute < 0 || c.Metrics < 0 || c.Logs < 0 || !near(c.Total, c.Requests+c.Compute+c.Metrics+c.Logs) {
			t.Fatalf("cost %+v", c)
		}
		if (c.Total == 0) != (e.Requests.Used <= FreeRequests && e.Compute.Used <= FreeGBSeconds &&
			e.Metrics.Used <= FreeMetrics && e.Logs.Used <= FreeLogGB) {
			t.Fatalf("total %v with usage %+v %+v %+v %+v", c.Total, e.Requests, e.Compute, e.Metrics, e.Logs)
		}
	})
}
