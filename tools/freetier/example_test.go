package freetier_test

import (
	"fmt"

	"github.com/lee-engine/lee/tools/freetier"
)

// ExampleCompute estimates a 128 MB arm64 relay answering in 87.2 ms,
// 100,000 times a month.
func ExampleCompute() {
	e, err := freetier.Compute(freetier.Settings{
		MemoryMB:              128,
		Arch:                  "arm64",
		DurationMS:            87.2,
		Invocations:           100_000,
		LogBytesPerInvocation: 600,
		MetricNames:           10,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("billed %d ms, %.1f GB-s (%.2f%% of free), requests %.0f%% of free\n",
		e.BilledDurationMS, e.Compute.Used, e.Compute.Percent, e.Requests.Percent)
	fmt.Printf("binding limit: %s; the free tier covers %d invocations a month; cost $%.2f\n",
		e.BindingLimit, e.FreeInvocations, e.Cost.Total)
	// Output:
	// billed 88 ms, 1100.0 GB-s (0.28% of free), requests 10% of free
	// binding limit: requests; the free tier covers 1000000 invocations a month; cost $0.00
}
