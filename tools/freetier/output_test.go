package freetier

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestWriteText(t *testing.T) {
	tests := []struct {
		name  string
		in    Settings
		wants []string
	}{
		{
			name: "short relay",
			in:   Settings{DurationMS: 87.2, Invocations: 100_000, LogBytesPerInvocation: 600, MetricNames: 10},
			wants: []string{
				"us-east-1 prices as of 2026-11",
				"87.2 ms measured → 88 ms billed",
				"100,000 of 1,000,000 free (10.00%)",
				"1,100.0 GB-s of 400,000 free (0.28%)",
				"binding limit:      requests, not compute",
				"compute alone would cover 36,363,636",
				"10 of 10 free custom metrics",
				"0.056 GB/month of 5 GB free",
				"beyond free tier:   $0.00/month",
				"$0.20 per 1M", "$0.0000166667 per GB-s (x86_64)", "$0.0000133334 per GB-s (arm64)",
			},
		},
		{
			name: "long invocations",
			in:   Settings{MemoryMB: 1024, DurationMS: 1000, Invocations: 2_000_000, MetricNames: 12},
			wants: []string{
				"binding limit:      compute — 1.0000 GB-s per invocation exhausts 400,000 GB-s after 400,000 invocations",
				"Lambda compute:     2,000,000.0 GB-s of 400,000 free (500.00%)",
				"beyond free tier:   $22.13/month (requests $0.20, compute $21.33, metrics $0.60, logs $0.00)",
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, err := Compute(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := WriteText(&buf, e); err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.wants {
				if !strings.Contains(buf.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, buf.String())
				}
			}
		})
	}
}

func TestWriteJSON(t *testing.T) {
	e, err := Compute(Settings{MemoryMB: 128, DurationMS: 3200.5, Invocations: 10, MetricNames: 3})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, e); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Billed   int64  `json:"billed_duration_ms"`
		Binding  string `json:"binding_limit"`
		FreeInv  int64  `json:"free_invocations_per_month"`
		Requests Usage  `json:"lambda_requests"`
		Metrics  Usage  `json:"cloudwatch_custom_metrics"`
		Cost     Cost   `json:"monthly_cost_beyond_free_tier_usd"`
		Prices   Prices `json:"prices"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, buf.String())
	}
	if got.Billed != 3201 || got.Binding != LimitCompute || got.FreeInv != 999_687 {
		t.Errorf("decoded %+v", got)
	}
	if got.Requests.Used != 10 || got.Requests.Free != FreeRequests || got.Metrics.Used != 3 || got.Metrics.Free != FreeMetrics {
		t.Errorf("usage %+v %+v", got.Requests, got.Metrics)
	}
	if got.Prices.AsOf != "2026-11" || got.Prices.GBSecondArm != 0.0000133334 || got.Cost.Total != 0 {
		t.Errorf("prices %+v cost %+v", got.Prices, got.Cost)
	}
}

func TestGroup(t *testing.T) {
	tests := map[int64]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -1234: "-1,234"}
	for in, want := range tests {
		if got := group(in); got != want {
			t.Errorf("group(%d) = %q, want %q", in, got, want)
		}
	}
}
