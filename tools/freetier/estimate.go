package freetier

import (
	"fmt"
	"math"
)

// bytesPerGB is the GB CloudWatch Logs ingestion is counted in (2^30 bytes).
const bytesPerGB = 1 << 30

// The two Lambda free-tier limits, as Estimate.BindingLimit names them.
const (
	LimitRequests = "requests"
	LimitCompute  = "compute"
)

// Usage is one metered quantity against its monthly free allowance.
type Usage struct {
	Used    float64 `json:"used"`
	Free    float64 `json:"free"`
	Percent float64 `json:"percent_of_free"`
}

// newUsage fills in the percentage of the allowance used.
func newUsage(used, free float64) Usage {
	return Usage{Used: used, Free: free, Percent: 100 * used / free}
}

// Cost is the monthly bill beyond the free tier in USD, per meter.
type Cost struct {
	Requests float64 `json:"requests"`
	Compute  float64 `json:"compute"`
	Metrics  float64 `json:"metrics"`
	Logs     float64 `json:"logs"`
	Total    float64 `json:"total"`
}

// Estimate is one month of the function against the free tier.
type Estimate struct {
	MemoryMB           int     `json:"memory_mb"`
	Arch               string  `json:"arch"`
	MeasuredDurationMS float64 `json:"measured_duration_ms"`
	// BilledDurationMS is the measured duration rounded up to the next whole
	// millisecond, as Lambda bills it.
	BilledDurationMS       int64   `json:"billed_duration_ms"`
	Invocations            int64   `json:"invocations_per_month"`
	GBSecondsPerInvocation float64 `json:"gb_seconds_per_invocation"`
	Requests               Usage   `json:"lambda_requests"`
	Compute                Usage   `json:"lambda_gb_seconds"`
	// BindingLimit is the Lambda limit that runs out first as traffic grows:
	// LimitRequests while one invocation uses less than 0.4 GB-s, else
	// LimitCompute.
	BindingLimit string `json:"binding_limit"`
	// FreeInvocations is how many invocations a month the Lambda free tier
	// covers before the binding limit is passed.
	FreeInvocations int64 `json:"free_invocations_per_month"`
	// ComputeFreeInvocations is how many the compute allowance alone covers.
	ComputeFreeInvocations int64   `json:"compute_free_invocations_per_month"`
	Metrics                Usage   `json:"cloudwatch_custom_metrics"`
	LogBytesPerInvocation  float64 `json:"log_bytes_per_invocation"`
	Logs                   Usage   `json:"cloudwatch_log_gb"`
	Cost                   Cost    `json:"monthly_cost_beyond_free_tier_usd"`
	Prices                 Prices  `json:"prices"`
}

// Compute works out the estimate for s.
func Compute(s Settings) (Estimate, error) {
	s, err := s.normalised()
	if err != nil {
		return Estimate{}, fmt.Errorf("estimate free tier: %w", err)
	}
	p := *s.Prices
	billed := int64(math.Ceil(s.DurationMS))
	mbMS := int64(s.MemoryMB) * billed
	// Lambda counts a GB as 1024 MB: GB-s = MB/1024 × ms/1000.
	perInv := float64(mbMS) / (1024 * 1000)
	gbs := perInv * float64(s.Invocations)
	computeFree := int64(FreeGBSeconds) * 1024 * 1000 / mbMS

	e := Estimate{
		MemoryMB:               s.MemoryMB,
		Arch:                   s.Arch,
		MeasuredDurationMS:     s.DurationMS,
		BilledDurationMS:       billed,
		Invocations:            s.Invocations,
		GBSecondsPerInvocation: perInv,
		Requests:               newUsage(float64(s.Invocations), FreeRequests),
		Compute:                newUsage(gbs, FreeGBSeconds),
		BindingLimit:           LimitRequests,
		FreeInvocations:        FreeRequests,
		ComputeFreeInvocations: computeFree,
		Metrics:                newUsage(float64(s.MetricNames), FreeMetrics),
		LogBytesPerInvocation:  s.LogBytesPerInvocation,
		Logs:                   newUsage(s.LogBytesPerInvocation*float64(s.Invocations)/bytesPerGB, FreeLogGB),
		Prices:                 p,
	}
	if computeFree < FreeRequests {
		e.BindingLimit = LimitCompute
		e.FreeInvocations = computeFree
	}
	e.Cost = Cost{
		Requests: beyond(e.Requests) / 1e6 * p.RequestsPerMillion,
		Compute:  beyond(e.Compute) * p.perGBSecond(s.Arch),
		Metrics:  beyond(e.Metrics) * p.MetricMonth,
		Logs:     beyond(e.Logs) * p.LogIngestionGB,
	}
	e.Cost.Total = e.Cost.Requests + e.Cost.Compute + e.Cost.Metrics + e.Cost.Logs
	return e, nil
}

// beyond is the part of u above its free allowance.
func beyond(u Usage) float64 {
	return math.Max(0, u.Used-u.Free)
}
