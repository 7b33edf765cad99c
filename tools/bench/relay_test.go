package bench

import (
	"bytes"
	"strings"
	"testing"
)

func recordedRelay(t *testing.T) *RelayReport {
	t.Helper()
	return NewRelayReport(recordedGoBench(t))
}

func TestRelayTargets(t *testing.T) {
	r := recordedRelay(t)
	want := []Target{
		{Name: BenchTurnOn + " allocs/op", Limit: "≤ 60", Value: 167, Max: 60, Met: false},
		{Name: BenchTurnOn + " − " + BenchFloor + " allocs/op (the relay's own)", Limit: "≤ 60", Value: 73, Max: 60, Met: false},
	}
	if len(r.Targets) != len(want) {
		t.Fatalf("targets = %+v", r.Targets)
	}
	for i := range want {
		if r.Targets[i] != want[i] {
			t.Errorf("target %d = %+v, want %+v", i, r.Targets[i], want[i])
		}
	}
	if got := MissedTargets(r.Targets); len(got) != 2 || !strings.Contains(got[0], "measured 167") {
		t.Errorf("missed = %q", got)
	}
}

func TestRelayTargetsWithoutFloor(t *testing.T) {
	tests := []struct {
		name    string
		runs    []BenchRun
		targets int
		met     bool
		value   float64
	}{
		{"under the bound", []BenchRun{{Name: BenchTurnOn, AllocsPerOp: 60}}, 1, true, 60},
		{"largest run counts", []BenchRun{{Name: BenchTurnOn, AllocsPerOp: 59}, {Name: BenchTurnOn, AllocsPerOp: 61}}, 1, false, 61},
		{"turnon missing is not measured", []BenchRun{{Name: BenchFloor, AllocsPerOp: 1}}, 1, false, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewRelayReport(&GoBench{Runs: tt.runs})
			if len(r.Targets) != tt.targets || r.Targets[0].Met != tt.met || r.Targets[0].Value != tt.value {
				t.Errorf("targets = %+v", r.Targets)
			}
		})
	}
}

// TestWriteRelayReadsBack prints the recorded run and reads the table back.
func TestWriteRelayReadsBack(t *testing.T) {
	var out bytes.Buffer
	if err := WriteRelay(&out, recordedRelay(t)); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	tables, err := ParseTables(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	if len(tables) != 1 || tables[0].Title != "BenchmarkRelay" {
		t.Fatalf("tables = %+v", tables)
	}
	row, ok := tables[0].Row(BenchTurnOn)
	if !ok {
		t.Fatalf("no %s row in %+v", BenchTurnOn, tables[0].Rows)
	}
	if row[tables[0].Column("allocs/op (max)")] != "167" || row[tables[0].Column("target")] != "≤ 60: MISS" {
		t.Errorf("turnon row = %q", row)
	}
	if !strings.Contains(text, "the relay's own share (BenchmarkRelay/turnon − BenchmarkRelay/floor): 73 allocs/op") {
		t.Errorf("no share line in:\n%s", text)
	}
}
