package bench

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// PackageInit is the initialisation of one package, as the Go runtime
// reports it with GODEBUG=inittrace=1: the wall time its init functions
// took, and what they allocated on the heap.
type PackageInit struct {
	Package string  `json:"package"`
	ClockMS float64 `json:"clock_ms"`
	Bytes   int64   `json:"bytes"`
	Allocs  int64   `json:"allocs"`
}

// InitTrace is one binary's package initialisation over several fresh
// processes: per package, the median of each figure over the processes,
// and in Total the medians of the per-process sums. Bytes and allocations
// take the lower median, so that they are always a count some process
// had (an even number of processes that allocated 32 and 48 bytes gives
// 32, not 40).
type InitTrace struct {
	// Runs is how many processes were traced.
	Runs int `json:"runs"`
	// Total has the medians of the sums over every package of one process;
	// its Package is empty.
	Total PackageInit `json:"total"`
	// Packages are in the order the first process initialised them.
	Packages []PackageInit `json:"packages"`
}

// InitComparison is the package initialisation of the bootstrap (Ours)
// and of the floor, traced in the same run.
type InitComparison struct {
	Ours  InitTrace `json:"ours"`
	Floor InitTrace `json:"floor"`
}

// ErrNoInitTrace is returned by ParseInitTrace for output without a single
// init line: the process did not run with GODEBUG=inittrace=1.
var ErrNoInitTrace = errors.New("no init line: was the process run with GODEBUG=inittrace=1?")

// ParseInitTrace reads the lines GODEBUG=inittrace=1 makes the Go runtime
// write to standard error, one per package with initialisation work:
//
//	init net/http @1.2 ms, 0.031 ms clock, 2104 bytes, 23 allocs
//
// Lines that do not start with "init " are other output and are skipped; a
// line that does but is not in this form is an error naming it.
func ParseInitTrace(stderr []byte) ([]PackageInit, error) {
	var out []PackageInit
	sc := bufio.NewScanner(bytes.NewReader(stderr))
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if !strings.HasPrefix(text, "init ") {
			continue
		}
		p, err := parseInitLine(text)
		if err != nil {
			return nil, fmt.Errorf("parse inittrace: line %d: %w", line, err)
		}
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("parse inittrace: %w", err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("parse inittrace: %w", ErrNoInitTrace)
	}
	return out, nil
}

// parseInitLine reads one "init" line; the words between the numbers must
// be the runtime's, so a changed format is noticed rather than misread.
func parseInitLine(text string) (PackageInit, error) {
	f := strings.Fields(text)
	if len(f) != 11 || !strings.HasPrefix(f[2], "@") || f[3] != "ms," || f[5] != "ms" || f[6] != "clock," ||
		f[8] != "bytes," || f[10] != "allocs" {
		return PackageInit{}, fmt.Errorf("not an inittrace line: %q", text)
	}
	clock, err := strconv.ParseFloat(f[4], 64)
	if err != nil || clock < 0 {
		return PackageInit{}, fmt.Errorf("%s: clock %q is not a duration in ms", f[1], f[4])
	}
	b, err := strconv.ParseInt(f[7], 10, 64)
	if err != nil || b < 0 {
		return PackageInit{}, fmt.Errorf("%s: bytes %q is not a count", f[1], f[7])
	}
	a, err := strconv.ParseInt(f[9], 10, 64)
	if err != nil || a < 0 {
		return PackageInit{}, fmt.Errorf("%s: allocs %q is not a count", f[1], f[9])
	}
	return PackageInit{Package: f[1], ClockMS: clock, Bytes: b, Allocs: a}, nil
}

// newInitTrace summarises the traces of several processes of one binary. A
// package missing from some traces (none should be: the set of packages is
// fixed at link time) takes the median over the traces that have it.
func newInitTrace(runs [][]PackageInit) InitTrace {
	t := InitTrace{Runs: len(runs)}
	var order []string
	samples := map[string]*initSamples{}
	var totals initSamples
	for _, run := range runs {
		var sum PackageInit
		for _, p := range run {
			s, ok := samples[p.Package]
			if !ok {
				s = &initSamples{}
				samples[p.Package] = s
				order = append(order, p.Package)
			}
			s.add(p)
			sum.ClockMS += p.ClockMS
			sum.Bytes += p.Bytes
			sum.Allocs += p.Allocs
		}
		totals.add(sum)
	}
	t.Total = totals.median("")
	for _, name := range order {
		t.Packages = append(t.Packages, samples[name].median(name))
	}
	return t
}

// initSamples collects one package's figures over several processes.
type initSamples struct {
	clock, bytes, allocs []float64
}

func (s *initSamples) add(p PackageInit) {
	s.clock = append(s.clock, p.ClockMS)
	s.bytes = append(s.bytes, float64(p.Bytes))
	s.allocs = append(s.allocs, float64(p.Allocs))
}

func (s *initSamples) median(name string) PackageInit {
	return PackageInit{
		Package: name,
		ClockMS: round3(median(s.clock)),
		Bytes:   int64(lowerMedian(s.bytes)),
		Allocs:  int64(lowerMedian(s.allocs)),
	}
}
