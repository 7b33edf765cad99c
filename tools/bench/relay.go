package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/lee-engine/lee/tools/repocheck"
)

// RelaySettings configures RunRelay.
type RelaySettings struct {
	// Root is the repository root. Empty: the nearest folder holding
	// go.work above the working directory.
	Root string
	// Count is go test's -count: how many times each benchmark runs. Zero:
	// DefaultCount.
	Count int
	// Benchtime is go test's -benchtime. Empty: go test's default (1s).
	Benchtime string
}

// DefaultCount is RelaySettings.Count's default.
const DefaultCount = 5

// Benchmark names of the function module that RelayReport knows.
const (
	BenchTurnOn = "BenchmarkRelay/turnon"
	BenchFloor  = "BenchmarkRelay/floor"
)

// maxTurnOnAllocs is issue 5's bound on BenchmarkRelay/turnon.
const maxTurnOnAllocs = 60

// RelayReport is the parsed outcome of the function's relay benchmark.
type RelayReport struct {
	// Date is when the run ended, in UTC (zero for recorded output).
	Date time.Time `json:"date"`
	// GoVersion is the go command's version ("" for recorded output).
	GoVersion string   `json:"go_version,omitempty"`
	Bench     *GoBench `json:"bench"`
	// Benchmarks summarise Bench's runs per benchmark.
	Benchmarks []BenchSummary `json:"benchmarks"`
	// Targets holds the allocation target of BenchTurnOn.
	Targets []Target `json:"targets"`
}

// NewRelayReport summarises parsed benchmark output and checks issue 5's
// allocation target two ways: on BenchTurnOn's largest allocs/op as the
// issue words it, and, when BenchFloor ran, on what the relay adds to the
// bare HTTP exchange (BenchTurnOn's largest allocs/op less BenchFloor's
// median), the "warm relay overhead" the target is named after.
func NewRelayReport(g *GoBench) *RelayReport {
	r := &RelayReport{Bench: g, Benchmarks: g.Summaries()}
	turnOn := -1.0
	if s, ok := r.summary(BenchTurnOn); ok {
		turnOn = s.MaxAllocsPerOp
	}
	r.Targets = []Target{newTarget(BenchTurnOn+" allocs/op", "≤ 60", turnOn, maxTurnOnAllocs)}
	if f, ok := r.summary(BenchFloor); ok && turnOn >= 0 {
		r.Targets = append(r.Targets, newTarget(BenchTurnOn+" − "+BenchFloor+" allocs/op (the relay's own)", "≤ 60", turnOn-f.AllocsPerOp, maxTurnOnAllocs))
	}
	return r
}

func (r *RelayReport) summary(name string) (BenchSummary, bool) {
	for _, s := range r.Benchmarks {
		if s.Name == name {
			return s, true
		}
	}
	return BenchSummary{}, false
}

// RunRelay runs `go test -run '^$' -bench BenchmarkRelay -benchmem -count N`
// in the function module and parses its output. The benchmark talks to a
// loopback server only.
func RunRelay(ctx context.Context, s RelaySettings) (*RelayReport, error) {
	if s.Root == "" {
		root, err := repocheck.FindRoot(".")
		if err != nil {
			return nil, fmt.Errorf("bench relay: %w", err)
		}
		s.Root = root
	}
	if s.Count <= 0 {
		s.Count = DefaultCount
	}
	args := []string{"test", "-run", "^$", "-bench", "BenchmarkRelay", "-benchmem", "-count", strconv.Itoa(s.Count)}
	if s.Benchtime != "" {
		args = append(args, "-benchtime", s.Benchtime)
	}
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = filepath.Join(s.Root, "function")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("bench relay: go %s: %w: %s", strings.Join(args, " "), err, tail(out.String(), 2000))
	}
	g, err := ParseGoBench(&out)
	if err != nil {
		return nil, fmt.Errorf("bench relay: %w", err)
	}
	r := NewRelayReport(g)
	r.Date = time.Now().UTC().Truncate(time.Second)
	r.GoVersion = goVersion(ctx)
	return r, nil
}

// tail keeps the last n bytes of s, where go test reports a failure.
func tail(s string, n int) string {
	s = strings.TrimSpace(s)
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}

// WriteRelay prints the report as a Markdown table, one row per benchmark,
// and, when BenchFloor ran, the allocations the relay adds to the HTTP
// exchange alone.
func WriteRelay(w io.Writer, r *RelayReport) error {
	var b strings.Builder
	b.WriteString("# lee bench relay\n\n")
	g := r.Bench
	fmt.Fprintf(&b, "%s · %s/%s · %s · %s\n\n", g.Pkg, g.GOOS, g.GOARCH, orUnknown(g.CPU), orUnknown(r.GoVersion))
	t := Table{Title: "BenchmarkRelay", Columns: []string{"benchmark", "runs", "ns/op (median)", "B/op (median)", "allocs/op (median)", "allocs/op (max)", "target"}}
	for _, s := range r.Benchmarks {
		target := ""
		if s.Name == BenchTurnOn {
			target = r.Targets[0].verdict()
		}
		t.Rows = append(t.Rows, []string{s.Name, strconv.Itoa(s.Runs), num(s.NsPerOp), num(s.BytesPerOp), num(s.AllocsPerOp), num(s.MaxAllocsPerOp), target})
	}
	if err := t.write(&b); err != nil {
		return err
	}
	turnOn, okT := r.summary(BenchTurnOn)
	floor, okF := r.summary(BenchFloor)
	if okT && okF && len(r.Targets) > 1 {
		fmt.Fprintf(&b, "the relay's own share (%s − %s): %s allocs/op, %s B/op, %s ns/op — target %s\n",
			BenchTurnOn, BenchFloor, num(turnOn.AllocsPerOp-floor.AllocsPerOp), num(turnOn.BytesPerOp-floor.BytesPerOp),
			num(turnOn.NsPerOp-floor.NsPerOp), r.Targets[1].verdict())
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON prints the report as one indented JSON object.
func (r *RelayReport) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("write relay report: %w", err)
	}
	return nil
}

// num prints a benchmark figure: whole numbers as integers, "–" when the
// column was missing (-1).
func num(v float64) string {
	if v < 0 {
		return notApplicable
	}
	if v == float64(int64(v)) {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}
