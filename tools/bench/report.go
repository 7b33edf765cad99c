package bench

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/lee-engine/lee/tools/freetier"
)

// ColdStartReport is the result of RunColdStart, and what
// `lee bench coldstart --json` prints.
type ColdStartReport struct {
	// Date is when the run ended, in UTC.
	Date time.Time `json:"date"`
	Host Host      `json:"host"`
	// N, Warm and MemoryMB are the Settings the run used.
	N        int `json:"n"`
	Warm     int `json:"warm"`
	MemoryMB int `json:"memory_mb"`
	// Binary is the bootstrap measured.
	Binary string `json:"binary"`
	// Main compares the bootstrap (A, "ours") with the floor (B).
	Main Comparison `json:"main"`
	// Variants compare the bootstrap with a baseline build (with
	// --baseline), then configurations of the bootstrap (with --variants).
	Variants []Comparison `json:"variants,omitempty"`
	Sizes    Sizes        `json:"sizes"`
	// Init is the package initialisation of ours and the floor, from
	// GODEBUG=inittrace=1 in N more processes of each; nil in reports
	// written before it was measured.
	Init *InitComparison `json:"init,omitempty"`
	// PlatformLogBytesPerInvocation is the size of Lambda's own START, END
	// and REPORT lines for one warm invocation, formatted as Lambda writes
	// them (no harness sees them); FreeTier's log bytes include it.
	PlatformLogBytesPerInvocation int `json:"platform_log_bytes_per_invocation"`
	// Targets are issue 5's targets that this run checks.
	Targets []Target `json:"targets"`
	// FreeTier is what `lee freetier --from-bench` reads.
	FreeTier freetier.Measured `json:"freetier"`
}

// Host describes the machine and toolchain of a run.
type Host struct {
	OS        string `json:"os"`
	Arch      string `json:"arch"`
	CPU       string `json:"cpu"`
	CPUs      int    `json:"cpus"`
	GoVersion string `json:"go_version"`
}

// Sizes are the binaries' sizes in bytes.
type Sizes struct {
	// Arch is the architecture of the measured binaries (the host's).
	Arch       string `json:"arch"`
	OursBytes  int64  `json:"ours_bytes"`
	FloorBytes int64  `json:"floor_bytes"`
	// OursArm64Bytes and FloorArm64Bytes are stripped linux/arm64 builds
	// with the same flags, the form deployed on Graviton.
	OursArm64Bytes  int64 `json:"ours_arm64_bytes"`
	FloorArm64Bytes int64 `json:"floor_arm64_bytes"`
	// TargetArm64Bytes is ArmTargetBytes.
	TargetArm64Bytes int64 `json:"target_arm64_bytes"`
}

// Issue 5's bounds on the ratios ours/floor.
const (
	maxColdStartRatio = 1.5
	maxPeakRSSRatio   = 1.3
)

// coldStartTargets evaluates the targets a cold-start run can check.
func coldStartTargets(r *ColdStartReport) []Target {
	return []Target{
		newTarget("cold start (exec → first response), ours/floor", "≤ 1.5x", measured(r.Main.Ratios.FirstResponse), maxColdStartRatio),
		newTarget(fmt.Sprintf("peak RSS after %d warm relays, ours/floor", r.Warm), "≤ 1.3x", measured(r.Main.Ratios.PeakRSS), maxPeakRSSRatio),
		newTarget("bootstrap linux/arm64 stripped, bytes", "≤ 10 MB", measured(float64(r.Sizes.OursArm64Bytes)), float64(r.Sizes.TargetArm64Bytes)),
		newTarget("interfaces constructed before the first invocation (LEE_PRELOAD unset)", "= 0", float64(r.Main.A.InterfacesAtInit), 0),
	}
}

// measured turns a ratio or size of zero, which means that nothing was
// measured, into the -1 a Target takes for "not measured".
func measured(v float64) float64 {
	if v <= 0 {
		return -1
	}
	return v
}

// billedMS rounds a duration up to the whole millisecond, as Lambda bills.
func billedMS(ms float64) float64 {
	return math.Max(1, math.Ceil(ms))
}

// WriteJSON prints the report as one indented JSON object.
func (r *ColdStartReport) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("write cold-start report: %w", err)
	}
	return nil
}

// ErrNotColdStartReport is returned by ReadColdStart for JSON that lacks the
// measurements of a cold-start report.
var ErrNotColdStartReport = errors.New("not a lee bench coldstart report: no measurements of ours and the floor")

// ReadColdStart decodes what `lee bench coldstart --json` printed and checks
// that it holds both measurements of the main comparison.
func ReadColdStart(rd io.Reader) (*ColdStartReport, error) {
	var r ColdStartReport
	if err := json.NewDecoder(rd).Decode(&r); err != nil {
		return nil, fmt.Errorf("read cold-start report: %w", err)
	}
	if len(r.Main.A.FirstResponseMS) == 0 || len(r.Main.B.FirstResponseMS) == 0 {
		return nil, fmt.Errorf("read cold-start report: %w", ErrNotColdStartReport)
	}
	return &r, nil
}
