package deploycheck_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/deploycheck"
)

func TestDashboardMetrics(t *testing.T) {
	body := `{"widgets": [
	  {"type": "text", "properties": {"markdown": "x"}},
	  {"type": "metric", "properties": {"metrics": [
	    ["LEE", "Directives", "FunctionName", "lee", {"stat": "Sum"}],
	    [".", "ColdStart", ".", "."],
	    [{"expression": "m1 + m2", "label": "total"}]
	  ]}},
	  {"type": "log", "properties": {"query": "fields @timestamp"}}
	]}`
	got, err := deploycheck.DashboardMetrics([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	want := []deploycheck.Metric{
		{Namespace: "LEE", Name: "Directives", Dimensions: map[string]string{"FunctionName": "lee"}},
		{Namespace: "LEE", Name: "ColdStart", Dimensions: map[string]string{"FunctionName": "lee"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("DashboardMetrics = %+v\nwant %+v", got, want)
	}
}

func TestDashboardMetricsRefuses(t *testing.T) {
	tests := []struct {
		name string
		body string
		want string
	}{
		{"not JSON", `{`, "read dashboard"},
		{"ellipsis", `{"widgets":[{"type":"metric","properties":{"metrics":[["LEE","A"],["...","B"]]}}]}`, `"..."`},
		{"dot first", `{"widgets":[{"type":"metric","properties":{"metrics":[[".","A"]]}}]}`, "no previous value"},
		{"odd dimensions", `{"widgets":[{"type":"metric","properties":{"metrics":[["LEE","A","FunctionName"]]}}]}`, "dimension pairs"},
		{"number", `{"widgets":[{"type":"metric","properties":{"metrics":[["LEE",3]]}}]}`, "not a string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := deploycheck.DashboardMetrics([]byte(tt.body))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}
