package bench

import (
	"bytes"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
)

// recordedInitTrace parses testdata/inittrace-<name>.txt: the standard
// error of one process of this repository's bootstrap ("ours", before the
// issue 14 changes) or of the floor, run under the harness with
// GODEBUG=inittrace=1 through one TurnOn.
func recordedInitTrace(t *testing.T, name string) []PackageInit {
	t.Helper()
	b, err := os.ReadFile("testdata/inittrace-" + name + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParseInitTrace(b)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestParseInitTraceRecorded(t *testing.T) {
	ours, floor := recordedInitTrace(t, "ours"), recordedInitTrace(t, "floor")
	if len(ours) != 95 || len(floor) != 81 {
		t.Fatalf("%d packages ours, %d floor, want 95 and 81", len(ours), len(floor))
	}
	if ours[0].Package != "internal/bytealg" || floor[0].Package != "internal/bytealg" {
		t.Errorf("first packages %q, %q", ours[0].Package, floor[0].Package)
	}
	want := PackageInit{Package: "encoding/gob", ClockMS: 0.68, Bytes: 29472, Allocs: 438}
	if got := indexInit(InitTrace{Packages: ours})["encoding/gob"]; got != want {
		t.Errorf("encoding/gob = %+v, want %+v", got, want)
	}
	if _, ok := indexInit(InitTrace{Packages: floor})["encoding/gob"]; ok {
		t.Error("the floor initialises encoding/gob")
	}
}

func TestParseInitTraceRejects(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"no init line", "lee: init failed: HA_URL: required\n", ErrNoInitTrace.Error()},
		{"empty", "", ErrNoInitTrace.Error()},
		{"clock not a number", "init net @1 ms, x ms clock, 1 bytes, 2 allocs\n", `net: clock "x"`},
		{"negative bytes", "init net @1 ms, 0.1 ms clock, -1 bytes, 2 allocs\n", `net: bytes "-1"`},
		{"allocs not a count", "init net @1 ms, 0.1 ms clock, 1 bytes, 2.5 allocs\n", `net: allocs "2.5"`},
		{"other words", "init net @1 ms, 0.1 ms wall, 1 bytes, 2 allocs\n", "line 1: not an inittrace line"},
		{"short line", "init net @1 ms\n", "not an inittrace line"},
		{"line number", "init a @0 ms, 0 ms clock, 0 bytes, 0 allocs\ninit b\n", "line 2:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParseInitTrace([]byte(tt.text))
			if err == nil || !strings.Contains(err.Error(), tt.want) || p != nil {
				t.Fatalf("got %v, %v; want an error with %q", p, err, tt.want)
			}
			if tt.want == ErrNoInitTrace.Error() && !errors.Is(err, ErrNoInitTrace) {
				t.Errorf("%v is not ErrNoInitTrace", err)
			}
		})
	}
}

func TestParseInitTraceSkipsOtherOutput(t *testing.T) {
	text := "panic: nothing\ninit net @1.5 ms, 0.25 ms clock, 728 bytes, 18 allocs\nlee: a line\n"
	p, err := ParseInitTrace([]byte(text))
	want := PackageInit{Package: "net", ClockMS: 0.25, Bytes: 728, Allocs: 18}
	if err != nil || len(p) != 1 || p[0] != want {
		t.Fatalf("got %+v, %v; want [%+v]", p, err, want)
	}
}

func TestNewInitTraceMedians(t *testing.T) {
	run := func(a, b PackageInit) []PackageInit { return []PackageInit{a, b} }
	tr := newInitTrace([][]PackageInit{
		run(PackageInit{"x", 0.1, 100, 1}, PackageInit{"y", 1.0, 10, 2}),
		run(PackageInit{"x", 0.3, 100, 1}, PackageInit{"y", 3.0, 30, 2}),
		run(PackageInit{"x", 0.2, 200, 3}, PackageInit{"y", 2.0, 20, 2}),
	})
	want := []PackageInit{{"x", 0.2, 100, 1}, {"y", 2.0, 20, 2}}
	if tr.Runs != 3 || len(tr.Packages) != 2 || tr.Packages[0] != want[0] || tr.Packages[1] != want[1] {
		t.Fatalf("trace %+v, want packages %+v", tr, want)
	}
	// The sums per run are (1.1, 110, 3), (3.3, 130, 3), (2.2, 220, 5).
	if total := (PackageInit{"", 2.2, 130, 3}); tr.Total != total {
		t.Errorf("total %+v, want %+v", tr.Total, total)
	}
	// With an even count the clock takes the mean of the middle two, the
	// counts the lower one: a value some process had.
	even := newInitTrace([][]PackageInit{{{"x", 0.1, 48, 3}}, {{"x", 0.2, 32, 2}}})
	if want := (PackageInit{"x", 0.15, 32, 2}); even.Packages[0] != want {
		t.Errorf("even runs: %+v, want %+v", even.Packages[0], want)
	}
}

// TestInitTableRecorded lays the two recorded traces side by side: the
// totals, then the packages that differ, largest extra bytes first, then
// the count of the packages alike in both.
func TestInitTableRecorded(t *testing.T) {
	c := InitComparison{
		Ours:  newInitTrace([][]PackageInit{recordedInitTrace(t, "ours")}),
		Floor: newInitTrace([][]PackageInit{recordedInitTrace(t, "floor")}),
	}
	var out bytes.Buffer
	if err := initTable(c).write(&out); err != nil {
		t.Fatal(err)
	}
	tables, err := ParseTables(&out)
	if err != nil || len(tables) != 1 {
		t.Fatalf("%d tables, %v", len(tables), err)
	}
	tb := tables[0]
	if !strings.Contains(tb.Title, "median of 1 processes") || tb.Column("floor allocs") != 6 {
		t.Errorf("title %q, columns %q", tb.Title, tb.Columns)
	}
	total, ok := tb.Row(RowInitTotal)
	if !ok || total[0] != "all packages (95 ours, 81 floor)" || total[2] != "79504" || total[5] != "37584" {
		t.Errorf("total row %q", total)
	}
	if first := tb.Rows[1]; first[0] != "encoding/gob" || first[2] != "29472" || first[5] != notApplicable {
		t.Errorf("first package row %q, want encoding/gob, only in ours", first)
	}
	alike := tb.Rows[len(tb.Rows)-1]
	// 81 packages in the floor, 14 packages only in ours; every row but
	// the first and the last is one differing package.
	differ := len(tb.Rows) - 2
	if !strings.HasSuffix(alike[0], RowInitAlike+" (sums)") || !strings.HasPrefix(alike[0], strconv.Itoa(95-differ)+" ") {
		t.Errorf("alike row %q with %d packages differing", alike, differ)
	}
}
