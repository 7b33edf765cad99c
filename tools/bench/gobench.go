package bench

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// BenchRun is one result line of `go test -bench -benchmem`.
type BenchRun struct {
	// Name is the benchmark's name without the -GOMAXPROCS suffix, e.g.
	// "BenchmarkRelay/turnon".
	Name string `json:"name"`
	// Procs is the GOMAXPROCS suffix; 1 when the line has none.
	Procs int `json:"procs"`
	// Iterations is b.N of the run.
	Iterations int64 `json:"iterations"`
	// NsPerOp, BytesPerOp and AllocsPerOp are the ns/op, B/op and
	// allocs/op columns; -1 when the line lacks the column.
	NsPerOp     float64 `json:"ns_per_op"`
	BytesPerOp  float64 `json:"bytes_per_op"`
	AllocsPerOp float64 `json:"allocs_per_op"`
}

// GoBench is the parsed output of one `go test -bench` run.
type GoBench struct {
	// GOOS, GOARCH, Pkg and CPU come from the header lines go test prints
	// before the results.
	GOOS   string `json:"goos"`
	GOARCH string `json:"goarch"`
	Pkg    string `json:"pkg"`
	CPU    string `json:"cpu"`
	// Runs are the result lines in output order (-count N repeats each
	// benchmark N times).
	Runs []BenchRun `json:"runs"`
}

// ErrNoBenchmarks is returned by ParseGoBench for output without a single
// result line: the -bench pattern matched nothing, or the build failed.
var ErrNoBenchmarks = errors.New("no benchmark result lines")

// ParseGoBench reads the output of `go test -bench` (with or without
// -benchmem). Lines that are neither header nor result lines (PASS, ok,
// log output) are skipped.
func ParseGoBench(r io.Reader) (*GoBench, error) {
	out := &GoBench{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if key, value, ok := strings.Cut(text, ": "); ok && out.header(key, strings.TrimSpace(value)) {
			continue
		}
		if !strings.HasPrefix(text, "Benchmark") {
			continue
		}
		run, ok, err := parseBenchLine(text)
		if err != nil {
			return nil, fmt.Errorf("parse go test -bench output: line %d: %w", line, err)
		}
		if ok {
			out.Runs = append(out.Runs, run)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("parse go test -bench output: %w", err)
	}
	if len(out.Runs) == 0 {
		return nil, fmt.Errorf("parse go test -bench output: %w", ErrNoBenchmarks)
	}
	return out, nil
}

// header stores a "key: value" header line; false when key is not one.
func (g *GoBench) header(key, value string) bool {
	switch key {
	case "goos":
		g.GOOS = value
	case "goarch":
		g.GOARCH = value
	case "pkg":
		g.Pkg = value
	case "cpu":
		g.CPU = value
	default:
		return false
	}
	return true
}

// parseBenchLine reads "BenchmarkX-8  1000  1234 ns/op  56 B/op  7 allocs/op".
// ok is false for a line that only starts like one: the name alone, which
// go test prints before a benchmark's own log output.
func parseBenchLine(text string) (run BenchRun, ok bool, err error) {
	f := strings.Fields(text)
	if len(f) < 4 {
		return BenchRun{}, false, nil
	}
	iters, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		return BenchRun{}, false, nil
	}
	if len(f)%2 != 0 {
		return BenchRun{}, false, fmt.Errorf("result line %q: values and units do not pair up", text)
	}
	run = BenchRun{Iterations: iters, NsPerOp: -1, BytesPerOp: -1, AllocsPerOp: -1}
	run.Name, run.Procs = splitProcs(f[0])
	for i := 2; i < len(f); i += 2 {
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			return BenchRun{}, false, fmt.Errorf("result line %q: value %q: %w", text, f[i], err)
		}
		switch f[i+1] {
		case "ns/op":
			run.NsPerOp = v
		case "B/op":
			run.BytesPerOp = v
		case "allocs/op":
			run.AllocsPerOp = v
		}
	}
	return run, true, nil
}

// splitProcs separates the -GOMAXPROCS suffix from a benchmark name.
func splitProcs(name string) (string, int) {
	i := strings.LastIndexByte(name, '-')
	if i < 0 {
		return name, 1
	}
	n, err := strconv.Atoi(name[i+1:])
	if err != nil || n <= 0 {
		return name, 1
	}
	return name[:i], n
}

// BenchSummary is one benchmark over its -count runs.
type BenchSummary struct {
	Name string `json:"name"`
	// Runs is how many result lines the benchmark has.
	Runs int `json:"runs"`
	// NsPerOp, BytesPerOp and AllocsPerOp are medians over the runs.
	NsPerOp     float64 `json:"ns_per_op"`
	BytesPerOp  float64 `json:"bytes_per_op"`
	AllocsPerOp float64 `json:"allocs_per_op"`
	// MaxAllocsPerOp is the largest allocs/op of any run, the value a
	// target on allocations is checked against.
	MaxAllocsPerOp float64 `json:"max_allocs_per_op"`
}

// Summaries groups the runs by benchmark, in order of first appearance.
func (g *GoBench) Summaries() []BenchSummary {
	var order []string
	byName := map[string][]BenchRun{}
	for _, r := range g.Runs {
		if _, seen := byName[r.Name]; !seen {
			order = append(order, r.Name)
		}
		byName[r.Name] = append(byName[r.Name], r)
	}
	out := make([]BenchSummary, 0, len(order))
	for _, name := range order {
		runs := byName[name]
		var ns, bytes, allocs []float64
		maxAllocs := -1.0
		for _, r := range runs {
			ns = append(ns, r.NsPerOp)
			bytes = append(bytes, r.BytesPerOp)
			allocs = append(allocs, r.AllocsPerOp)
			maxAllocs = max(maxAllocs, r.AllocsPerOp)
		}
		out = append(out, BenchSummary{
			Name: name, Runs: len(runs),
			NsPerOp: median(ns), BytesPerOp: median(bytes), AllocsPerOp: median(allocs),
			MaxAllocsPerOp: maxAllocs,
		})
	}
	return out
}
