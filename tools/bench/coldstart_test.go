package bench

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lee-engine/lee/tools/harness"
)

// TestRunColdStartShortRun is a real, small run: the bootstrap built from
// this repository into a temporary folder, the floor, two fresh processes
// of each (and two more with the init trace) and five warm relays, with the
// variants. It asserts what the run must produce, never how fast anything
// was.
func TestRunColdStartShortRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the bootstrap and the floor; skipped with -short")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	r, err := RunColdStart(ctx, Settings{Binary: filepath.Join(t.TempDir(), "bootstrap"), N: 2, Warm: 5, Variants: true})
	if err != nil {
		t.Fatal(err)
	}
	ours, floor := r.Main.A, r.Main.B
	if len(ours.FirstResponseMS) != 2 || len(floor.FirstResponseMS) != 2 || ours.WarmRelays != 5 {
		t.Errorf("samples: ours %d, floor %d, warm %d", len(ours.FirstResponseMS), len(floor.FirstResponseMS), ours.WarmRelays)
	}
	if ours.InterfacesAtInit < 0 || floor.InterfacesAtInit != -1 {
		t.Errorf("interfaces at init: ours %d, floor %d", ours.InterfacesAtInit, floor.InterfacesAtInit)
	}
	if !slices.Contains(ours.MetricNames, "Directives") || len(floor.MetricNames) != 0 || ours.LogBytesPerInvocation <= 0 {
		t.Errorf("logs: ours %q (%v bytes), floor %q", ours.MetricNames, ours.LogBytesPerInvocation, floor.MetricNames)
	}
	if r.Sizes.OursArm64Bytes <= 0 || r.Sizes.FloorArm64Bytes <= 0 || r.FreeTier.BilledDurationMS < 1 || r.FreeTier.MetricNames != len(ours.MetricNames) {
		t.Errorf("sizes %+v, free tier %+v", r.Sizes, r.FreeTier)
	}
	// LEE_PRELOAD=all builds the eight stateful cores that need no
	// configuration: utility and lambdaiface hold none, and config's (the
	// Parameter Store reader) needs HA_TOKEN_PARAMETER.
	if len(r.Variants) != 2 || r.Variants[0].A.InterfacesAtInit != 8 {
		t.Errorf("variants: %d, preload=all built %d", len(r.Variants), r.Variants[0].A.InterfacesAtInit)
	}
	var out bytes.Buffer
	if err := WriteColdStart(&out, r); err != nil {
		t.Fatal(err)
	}
	tables, err := ParseTables(strings.NewReader(out.String()))
	if err != nil || len(tables) != 4 || !strings.HasPrefix(tables[1].Title, "package initialisation") {
		t.Fatalf("%d tables, %v:\n%s", len(tables), err, out.String())
	}
	assertRatios(t, tables[0], "ours/floor", RowReady, RowFirstResponse, RowColdCPU, RowMinorFaults, RowPeakRSS, RowWarmP50, RowSizeArm64)
	if in := r.Init; in == nil || in.Ours.Runs != 2 || in.Floor.Runs != 2 || len(in.Ours.Packages) == 0 || in.Floor.Total.Allocs <= 0 {
		t.Errorf("init trace %+v", in)
	}
}

// assertRatios checks that the rows named by prefixes exist and carry a
// positive ratio.
func assertRatios(t *testing.T, tb Table, column string, prefixes ...string) {
	t.Helper()
	col := tb.Column(column)
	if col < 0 {
		t.Fatalf("no column %q in %q", column, tb.Columns)
	}
	for _, p := range prefixes {
		row, ok := tb.Row(p)
		if !ok {
			t.Errorf("no row %q", p)
			continue
		}
		if x, err := strconv.ParseFloat(row[col], 64); err != nil || x <= 0 {
			t.Errorf("row %q: ratio %q", p, row[col])
		}
	}
}

// TestRunColdStartBaseline measures a second binary beside the bootstrap in
// the same run; the floor stands in for an older build, since it answers
// the TurnOn the same way.
func TestRunColdStartBaseline(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the bootstrap and the floor; skipped with -short")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	older, err := harness.BuildFloor(ctx, t.TempDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	r, err := RunColdStart(ctx, Settings{Binary: filepath.Join(t.TempDir(), "bootstrap"), N: 1, Warm: 2, Baseline: older})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Variants) != 1 {
		t.Fatalf("%d variants, want the baseline only", len(r.Variants))
	}
	v := r.Variants[0]
	if v.Title != "ours vs baseline" || v.A.Name != "ours" || v.B.Name != "baseline" ||
		len(v.B.FirstResponseMS) != 1 || v.B.WarmRelays != 2 || v.B.InterfacesAtInit != -1 {
		t.Errorf("baseline comparison %s: %s vs %s, %d cold, %d warm, %d interfaces",
			v.Title, v.A.Name, v.B.Name, len(v.B.FirstResponseMS), v.B.WarmRelays, v.B.InterfacesAtInit)
	}
}

// TestRunColdStartMissingBaseline fails before building anything.
func TestRunColdStartMissingBaseline(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none")
	_, err := RunColdStart(context.Background(), Settings{Binary: filepath.Join(t.TempDir(), "bootstrap"), Baseline: missing})
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "baseline") {
		t.Fatalf("err = %v, want a missing baseline", err)
	}
}
