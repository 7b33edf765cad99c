package metrics_test

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/lee-engine/lee/metrics"
)

func ExampleRecorder() {
	rec, err := metrics.New(metrics.Settings{
		Dimensions: map[string]string{metrics.FunctionNameKey: "lee"},
		Names:      metrics.Essential,
		Writer:     os.Stdout,
		Now:        func() time.Time { return time.UnixMilli(1796019900000) },
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	// During an invocation.
	_ = rec.Count(metrics.Directives, 1)
	_ = rec.Duration(metrics.HALatency, 87*time.Millisecond)
	// At its end: one EMF line on standard output.
	_ = rec.Flush()
	// Output:
	// {"_aws":{"Timestamp":1796019900000,"CloudWatchMetrics":[{"Namespace":"LEE","Dimensions":[["FunctionName"]],"Metrics":[{"Name":"Directives","Unit":"Count"},{"Name":"HALatency","Unit":"Milliseconds"}]}]},"FunctionName":"lee","Directives":1,"HALatency":87}
}

func ExampleRecorder_Refused() {
	rec, _ := metrics.New(metrics.Settings{Names: metrics.Essential, Writer: os.Stdout})
	err := rec.Count(metrics.BreakerOpen, 1) // not in the essential set
	fmt.Println(errors.Is(err, metrics.ErrUnknownName), rec.Refused())
	// Output:
	// true 1
}

func ExampleUnitOf() {
	fmt.Println(metrics.UnitOf(metrics.HALatency), metrics.UnitOf(metrics.Directives))
	// Output:
	// Milliseconds Count
}
