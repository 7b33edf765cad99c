package main

import (
	"bytes"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/bench"
)

func TestBenchArguments(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		// want is in stdout when code is 0, else in stderr.
		want string
	}{
		{"no word", nil, 2, "usage: lee bench coldstart|relay"},
		{"help", []string{"-h"}, 0, "usage: lee bench coldstart|relay"},
		{"unknown word", []string{"warm"}, 2, "usage: lee bench coldstart|relay"},
		{"coldstart help", []string{"coldstart", "-h"}, 0, "-variants"},
		{"relay help", []string{"relay", "-h"}, 0, "-count"},
		{"unknown flag", []string{"coldstart", "--nope"}, 2, "flag provided but not defined"},
		{"stray argument", []string{"relay", "extra"}, 2, `unexpected argument "extra"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := runBench(tt.args, &out, &errOut); code != tt.code {
				t.Errorf("exit %d, want %d; stderr %s", code, tt.code, errOut.String())
			}
			got, empty := errOut.String(), out.String()
			if tt.code == 0 {
				got, empty = empty, got
			}
			if !strings.Contains(got, tt.want) || empty != "" {
				t.Errorf("stdout %q, stderr %q; want %q in the one the exit code %d calls for, nothing in the other",
					out.String(), errOut.String(), tt.want, tt.code)
			}
		})
	}
}

// TestBenchColdStartShortRun runs `lee bench coldstart --n 2 --warm 5` for
// real, on a bootstrap it builds into a temporary folder, and reads the
// tables it prints: both cold-start rows and every ratio must be there,
// and the package initialisation table after them.
func TestBenchColdStartShortRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the bootstrap and the floor; skipped with -short")
	}
	var out, errOut bytes.Buffer
	args := []string{"coldstart", "--n", "2", "--warm", "5", "--quiet", "--binary", filepath.Join(t.TempDir(), "bootstrap")}
	if code := runBench(args, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	tables, err := bench.ParseTables(strings.NewReader(out.String()))
	if err != nil || len(tables) != 2 {
		t.Fatalf("%d tables, %v:\n%s", len(tables), err, out.String())
	}
	if _, ok := tables[1].Row(bench.RowInitTotal); !ok {
		t.Errorf("no row %q in the second table:\n%s", bench.RowInitTotal, out.String())
	}
	tb := tables[0]
	col := tb.Column("ours/floor")
	for _, prefix := range []string{bench.RowReady, bench.RowFirstResponse, bench.RowColdCPU, bench.RowMinorFaults, bench.RowPeakRSS, bench.RowWarmP50, bench.RowWarmP99} {
		row, ok := tb.Row(prefix)
		if !ok {
			t.Errorf("no row %q in:\n%s", prefix, out.String())
			continue
		}
		if x, err := strconv.ParseFloat(row[col], 64); err != nil || x <= 0 {
			t.Errorf("row %q: ratio %q", prefix, row[col])
		}
	}
}
