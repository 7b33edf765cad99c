package bench

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// recordedGoBench parses testdata/gotest-bench.txt, a recorded `go test
// -run '^$' -bench BenchmarkRelay -benchmem -count 3` of the function module.
func recordedGoBench(t *testing.T) *GoBench {
	t.Helper()
	f, err := os.Open("testdata/gotest-bench.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := ParseGoBench(f)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestParseGoBenchRecorded reads the recorded run.
func TestParseGoBenchRecorded(t *testing.T) {
	g := recordedGoBench(t)
	if g.GOOS != "linux" || g.GOARCH != "amd64" || g.Pkg != "github.com/lee-engine/lee/function" || g.CPU != "AMD EPYC" {
		t.Errorf("header = %q %q %q %q", g.GOOS, g.GOARCH, g.Pkg, g.CPU)
	}
	if len(g.Runs) != 9 {
		t.Fatalf("%d runs, want 9", len(g.Runs))
	}
	first := BenchRun{Name: BenchTurnOn, Procs: 2, Iterations: 5562, NsPerOp: 212534, BytesPerOp: 14081, AllocsPerOp: 167}
	if g.Runs[0] != first {
		t.Errorf("first run = %+v, want %+v", g.Runs[0], first)
	}
	sums := g.Summaries()
	want := []BenchSummary{
		{Name: BenchTurnOn, Runs: 3, NsPerOp: 216293, BytesPerOp: 14081, AllocsPerOp: 167, MaxAllocsPerOp: 167},
		{Name: "BenchmarkRelay/discovery", Runs: 3, NsPerOp: 473499, BytesPerOp: 77668, AllocsPerOp: 177, MaxAllocsPerOp: 177},
		{Name: BenchFloor, Runs: 3, NsPerOp: 78033, BytesPerOp: 10420, AllocsPerOp: 94, MaxAllocsPerOp: 94},
	}
	if len(sums) != len(want) {
		t.Fatalf("summaries = %+v", sums)
	}
	for i := range want {
		if sums[i] != want[i] {
			t.Errorf("summary %d = %+v, want %+v", i, sums[i], want[i])
		}
	}
}

func TestParseGoBenchLines(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []BenchRun
		wantErr bool
	}{
		{
			name: "no -benchmem, no procs suffix",
			in:   "BenchmarkX \t 100 \t 12.5 ns/op\n",
			want: []BenchRun{{Name: "BenchmarkX", Procs: 1, Iterations: 100, NsPerOp: 12.5, BytesPerOp: -1, AllocsPerOp: -1}},
		},
		{
			name: "extra units and a dash inside the name",
			in:   "BenchmarkRelay/http-floor-8   10   5 ns/op   3.2 MB/s   7 B/op   1 allocs/op\n",
			want: []BenchRun{{Name: "BenchmarkRelay/http-floor", Procs: 8, Iterations: 10, NsPerOp: 5, BytesPerOp: 7, AllocsPerOp: 1}},
		},
		{
			name: "a name line before log output is skipped",
			in:   "BenchmarkX\n    x_test.go:12: hello\nBenchmarkX-2  5  1 ns/op\nPASS\n",
			want: []BenchRun{{Name: "BenchmarkX", Procs: 2, Iterations: 5, NsPerOp: 1, BytesPerOp: -1, AllocsPerOp: -1}},
		},
		{name: "values and units out of step", in: "BenchmarkX-2  5  1 ns/op 7\n", wantErr: true},
		{name: "a value that is not a number", in: "BenchmarkX-2  5  fast ns/op\n", wantErr: true},
		{name: "nothing matched", in: "testing: warning: no tests to run\nPASS\nok  \tpkg\t0.01s\n", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := ParseGoBench(strings.NewReader(tt.in))
			if tt.wantErr {
				if err == nil {
					t.Fatalf("no error, runs %+v", g.Runs)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Runs) != len(tt.want) {
				t.Fatalf("runs = %+v, want %+v", g.Runs, tt.want)
			}
			for i := range tt.want {
				if g.Runs[i] != tt.want[i] {
					t.Errorf("run %d = %+v, want %+v", i, g.Runs[i], tt.want[i])
				}
			}
		})
	}
	if _, err := ParseGoBench(strings.NewReader("PASS\n")); !errors.Is(err, ErrNoBenchmarks) {
		t.Errorf("empty output: error %v, want ErrNoBenchmarks", err)
	}
}
