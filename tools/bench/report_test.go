package bench

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/freetier"
)

// recordedColdStart reads a recorded `lee bench coldstart --n 3 --warm 20
// --json` of this repository's bootstrap.
func recordedColdStart(t *testing.T) *ColdStartReport {
	t.Helper()
	f, err := os.Open("testdata/coldstart.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := ReadColdStart(f)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestReadColdStartRecorded(t *testing.T) {
	r := recordedColdStart(t)
	if r.N != 3 || r.Warm != 20 || r.MemoryMB != 128 {
		t.Errorf("settings = n %d, warm %d, memory %d", r.N, r.Warm, r.MemoryMB)
	}
	for _, m := range []Measurement{r.Main.A, r.Main.B} {
		if len(m.ReadyMS) != r.N || len(m.FirstResponseMS) != r.N || len(m.ColdPeakRSSKB) != r.N {
			t.Errorf("%s: %d/%d/%d cold samples, want %d", m.Name, len(m.ReadyMS), len(m.FirstResponseMS), len(m.ColdPeakRSSKB), r.N)
		}
		if m.FirstResponseMedianMS != round3(median(m.FirstResponseMS)) {
			t.Errorf("%s: first response median %v is not the median of %v", m.Name, m.FirstResponseMedianMS, m.FirstResponseMS)
		}
		if m.PeakRSSKB <= 0 || m.WarmP50MS <= 0 || m.WarmP99MS < m.WarmP50MS {
			t.Errorf("%s: warm numbers %d kB, p50 %v, p99 %v", m.Name, m.PeakRSSKB, m.WarmP50MS, m.WarmP99MS)
		}
	}
	if r.Main.A.Name != "ours" || r.Main.B.Name != "floor" || r.Main.B.InterfacesAtInit != -1 {
		t.Errorf("main = %s (%d interfaces) vs %s (%d)", r.Main.A.Name, r.Main.A.InterfacesAtInit, r.Main.B.Name, r.Main.B.InterfacesAtInit)
	}
	if want := round3(r.Main.A.FirstResponseMedianMS / r.Main.B.FirstResponseMedianMS); r.Main.Ratios.FirstResponse != want {
		t.Errorf("first response ratio = %v, want %v", r.Main.Ratios.FirstResponse, want)
	}
	if len(r.Targets) != 4 {
		t.Errorf("targets = %+v", r.Targets)
	}
}

// TestFreeTierReadsColdStart: lee freetier --from-bench accepts the report
// and finds the same numbers under "freetier".
func TestFreeTierReadsColdStart(t *testing.T) {
	r := recordedColdStart(t)
	f, err := os.Open("testdata/coldstart.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := freetier.ReadMeasured(f)
	if err != nil {
		t.Fatal(err)
	}
	if m != r.FreeTier {
		t.Errorf("freetier read %+v, report holds %+v", m, r.FreeTier)
	}
	if m.MemoryMB != 128 || m.Arch != "x86_64" || m.BilledDurationMS != billedMS(r.Main.A.WarmP50MS) ||
		m.MetricNames != len(r.Main.A.MetricNames) ||
		m.LogBytesPerInvocation != round3(r.Main.A.LogBytesPerInvocation+float64(r.PlatformLogBytesPerInvocation)) {
		t.Errorf("free-tier inputs %+v do not follow from the measurements", m)
	}
}

func TestReadColdStartRejects(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		notCS bool
	}{
		{"not JSON", "| metric | ours |", false},
		{"empty object", "{}", true},
		{"a free-tier object alone", `{"memory_mb":128,"billed_duration_ms":1}`, true},
		{"floor never measured", `{"main":{"a":{"first_response_ms":[1]},"b":{}}}`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadColdStart(strings.NewReader(tt.in))
			if err == nil {
				t.Fatal("accepted")
			}
			if got := errors.Is(err, ErrNotColdStartReport); got != tt.notCS {
				t.Errorf("error %v: ErrNotColdStartReport %v, want %v", err, got, tt.notCS)
			}
		})
	}
}

// TestWriteColdStartReadsBack prints the recorded report, with a variant
// added, and reads every table back.
func TestWriteColdStartReadsBack(t *testing.T) {
	r := recordedColdStart(t)
	v := r.Main
	v.Title = "LEE_PRELOAD"
	v.A.Name, v.B.Name = "LEE_PRELOAD=all", "unset"
	r.Variants = []Comparison{v}
	var out bytes.Buffer
	if err := WriteColdStart(&out, r); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	tables, err := ParseTables(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	if len(tables) != 2 || tables[0].Title != "ours vs floor" || tables[1].Title != "variant: LEE_PRELOAD" {
		t.Fatalf("tables: %+v", tables)
	}
	base := tables[0]
	assertRatios(t, base, "ours/floor", RowReady, RowFirstResponse, RowColdPeakRSS, RowPeakRSS, RowWarmP50, RowWarmP99, RowSize, RowSizeArm64)
	row, _ := base.Row(RowFirstResponse)
	if want := r.Targets[0].verdict(); row[base.Column("target")] != want {
		t.Errorf("cold start target cell %q, want %q", row[base.Column("target")], want)
	}
	// The recorded report predates the page-fault count and the CPU time:
	// no value, no ratio.
	for _, prefix := range []string{RowMinorFaults, RowColdCPU} {
		row, _ = base.Row(prefix)
		if row[1] != notApplicable || row[2] != notApplicable || row[3] != notApplicable {
			t.Errorf("%s row %q", prefix, row)
		}
	}
	row, _ = base.Row(RowInterfaces)
	if row[1] != "1" || row[2] != notApplicable {
		t.Errorf("interfaces row %q", row)
	}
	if tables[1].Column("target") != -1 || tables[1].Column("LEE_PRELOAD=all") != 1 || tables[1].Column("ratio") != 3 {
		t.Errorf("variant columns %q", tables[1].Columns)
	}
	for _, want := range []string{"free-tier inputs (lee freetier --from-bench): 128 MB, x86_64", "targets missed:", "3 fresh processes each"} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
}

func TestColdStartTargets(t *testing.T) {
	tests := []struct {
		name       string
		first, rss float64
		arm        int64
		interfaces int
		met        [4]bool
	}{
		{"all met at the bounds", 1.5, 1.3, ArmTargetBytes, 0, [4]bool{true, true, true, true}},
		{"all missed", 1.51, 1.31, ArmTargetBytes + 1, 1, [4]bool{}},
		{"no cold start line is not measured", 1, 1, 1, -1, [4]bool{true, true, true, false}},
		{"a ratio that could not be formed is not met", 0, 1, 1, 0, [4]bool{false, true, true, true}},
		{"a size that was not measured is not met", 1, 0, 0, 0, [4]bool{true, false, false, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &ColdStartReport{Warm: 200, Sizes: Sizes{OursArm64Bytes: tt.arm, TargetArm64Bytes: ArmTargetBytes}}
			r.Main.Ratios = Ratios{FirstResponse: tt.first, PeakRSS: tt.rss}
			r.Main.A.InterfacesAtInit = tt.interfaces
			ts := coldStartTargets(r)
			for i, want := range tt.met {
				if ts[i].Met != want {
					t.Errorf("target %q: met %v, want %v (value %v)", ts[i].Name, ts[i].Met, want, ts[i].Value)
				}
			}
		})
	}
}
