package bench

import (
	"os"
	"slices"
	"testing"
)

// TestSummarizeRecordedLog reads the standard output of a real bootstrap
// process that relayed three TurnOn directives.
func TestSummarizeRecordedLog(t *testing.T) {
	out, err := os.ReadFile("testdata/function-stdout.txt")
	if err != nil {
		t.Fatal(err)
	}
	s := summarizeLog(out)
	if s.bytes != len(out) {
		t.Errorf("bytes = %d, want %d", s.bytes, len(out))
	}
	if want := []string{"ColdStart", "Directives", "HALatency"}; !slices.Equal(s.metricNames, want) {
		t.Errorf("metric names = %q, want %q", s.metricNames, want)
	}
	if s.builtAtInit != 1 {
		t.Errorf("interfaces built at init = %d, want 1", s.builtAtInit)
	}
}

func TestSummarizeLog(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		names []string
		built int
	}{
		{"empty", "", nil, -1},
		{"not JSON is only counted", "panic: boom\n\tgoroutine 1\n", nil, -1},
		{"cold start line without the count", `{"msg":"cold start"}` + "\n", nil, -1},
		{"a count on another message is ignored", `{"msg":"hello","interfacesBuiltAtInit":3}` + "\n", nil, -1},
		{"zero interfaces", `{"msg":"cold start","interfacesBuiltAtInit":0}` + "\n", nil, 0},
		{
			"names are distinct and sorted across lines and directives",
			`{"_aws":{"CloudWatchMetrics":[{"Metrics":[{"Name":"B"},{"Name":"A"}]},{"Metrics":[{"Name":"C"}]}]}}` + "\n" +
				`{"_aws":{"CloudWatchMetrics":[{"Metrics":[{"Name":"A"},{"Name":""}]}]}}` + "\n",
			[]string{"A", "B", "C"}, -1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := summarizeLog([]byte(tt.in))
			if s.bytes != len(tt.in) || !slices.Equal(s.metricNames, tt.names) || s.builtAtInit != tt.built {
				t.Errorf("summary = %+v, want %d bytes, names %q, built %d", s, len(tt.in), tt.names, tt.built)
			}
		})
	}
}

func TestMergeNames(t *testing.T) {
	if got := mergeNames([]string{"A", "C"}, []string{"B", "C"}); !slices.Equal(got, []string{"A", "B", "C"}) {
		t.Errorf("mergeNames = %q", got)
	}
}

// TestPlatformLogBytes checks the formatted START/END/REPORT lines against
// lines written by hand in Lambda's format.
func TestPlatformLogBytes(t *testing.T) {
	const id = "00000000-0000-0000-0000-000000000000"
	want := "START RequestId: " + id + " Version: $LATEST\n" +
		"END RequestId: " + id + "\n" +
		"REPORT RequestId: " + id + "\tDuration: 1.25 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used: 13 MB\t\n"
	if got := platformLogBytes(1.25, 128, 12*1024+1); got != len(want) {
		t.Errorf("platformLogBytes = %d, want %d", got, len(want))
	}
}
