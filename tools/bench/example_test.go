package bench_test

import (
	"fmt"
	"strings"

	"github.com/lee-engine/lee/tools/bench"
)

// Read go test -bench output and check the allocation target on it, as
// lee bench relay does with its own run.
func ExampleParseGoBench() {
	out := `goos: linux
goarch: arm64
pkg: github.com/lee-engine/lee/function
BenchmarkRelay/turnon-2   	 10000	 150000 ns/op	 9000 B/op	 58 allocs/op
BenchmarkRelay/turnon-2   	 10000	 160000 ns/op	 9100 B/op	 59 allocs/op
BenchmarkRelay/floor-2    	 20000	  80000 ns/op	 7000 B/op	 40 allocs/op
PASS
`
	g, err := bench.ParseGoBench(strings.NewReader(out))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range g.Summaries() {
		fmt.Printf("%s: %d runs, %.0f ns/op, %.0f allocs/op at most\n", s.Name, s.Runs, s.NsPerOp, s.MaxAllocsPerOp)
	}
	r := bench.NewRelayReport(g)
	fmt.Println(len(bench.MissedTargets(r.Targets)), "targets missed")
	// Output:
	// BenchmarkRelay/turnon: 2 runs, 155000 ns/op, 59 allocs/op at most
	// BenchmarkRelay/floor: 1 runs, 80000 ns/op, 40 allocs/op at most
	// 0 targets missed
}

// Read back a table that lee bench coldstart printed.
func ExampleParseTables() {
	out := `## ours vs floor

| metric                                           | ours | floor | ours/floor | target       |
| ------------------------------------------------ | ---- | ----- | ---------- | ------------ |
| exec → first response (TurnOn), ms (median of 30) | 6.20 | 5.10  | 1.22       | ≤ 1.5x: PASS |
`
	tables, err := bench.ParseTables(strings.NewReader(out))
	if err != nil {
		fmt.Println(err)
		return
	}
	t := tables[0]
	row, _ := t.Row(bench.RowFirstResponse)
	fmt.Println(t.Title, "—", row[t.Column("ours/floor")], row[t.Column("target")])
	// Output: ours vs floor — 1.22 ≤ 1.5x: PASS
}
