package bench

import (
	"context"
	"testing"
	"time"
)

// TestRunRelayShortRun runs the function module's BenchmarkRelay for real,
// one iteration each, and checks that every benchmark was parsed.
func TestRunRelayShortRun(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test -bench in the function module; skipped with -short")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	r, err := RunRelay(ctx, RelaySettings{Count: 1, Benchtime: "1x"})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{BenchTurnOn, "BenchmarkRelay/discovery", BenchFloor} {
		s, ok := r.summary(name)
		if !ok || s.Runs != 1 || s.AllocsPerOp <= 0 || s.BytesPerOp <= 0 || s.NsPerOp <= 0 {
			t.Errorf("%s: %+v (found %v)", name, s, ok)
		}
	}
	if len(r.Targets) != 2 || r.Targets[0].Value <= 0 || r.GoVersion == "" || r.Date.IsZero() {
		t.Errorf("report: targets %+v, go %q, date %v", r.Targets, r.GoVersion, r.Date)
	}
}
