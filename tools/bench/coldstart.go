package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/lee-engine/lee/tools/freetier"
	"github.com/lee-engine/lee/tools/harness"
	"github.com/lee-engine/lee/tools/hasim"
	"github.com/lee-engine/lee/tools/repocheck"
)

// Settings configures RunColdStart. The zero value measures dist/bootstrap
// of the workspace enclosing the working directory with the defaults below.
type Settings struct {
	// Root is the repository root (the folder holding go.work). Empty: the
	// nearest such folder above the working directory.
	Root string
	// Binary is the bootstrap to measure; built there, as `make bootstrap`
	// builds it, when it does not exist. Empty: <Root>/dist/bootstrap.
	Binary string
	// Rebuild builds Binary even when it exists, so a stale binary is not
	// measured. False: an existing Binary is used as it is.
	Rebuild bool
	// N is the number of fresh processes of each binary. Zero: DefaultN.
	N int
	// Warm is the number of warm invocations of the long-lived process of
	// each binary. Zero: DefaultWarm.
	Warm int
	// Variants also compares LEE_PRELOAD=all with LEE_PRELOAD unset, and a
	// fallback token read from SSM (HA_TOKEN_PARAMETER, against a local
	// fake) with one given as HA_TOKEN. False: ours against the floor only.
	Variants bool
	// Baseline is another bootstrap, an older build for instance, measured
	// against the first in the same run, interleaved, as the variant "ours
	// vs baseline"; it must exist. Empty: none.
	Baseline string
	// MemoryMB is the memory size announced to the processes
	// (AWS_LAMBDA_FUNCTION_MEMORY_SIZE), and the free-tier input. Zero: 128.
	MemoryMB int
	// Progress receives one line per step, for a long run. Nil: silence.
	Progress io.Writer
}

// Defaults of Settings.
const (
	DefaultN        = 30
	DefaultWarm     = 200
	defaultMemoryMB = 128
)

// ArmTargetBytes is issue 5's bound on the stripped linux/arm64 bootstrap:
// 10 MB, counted in decimal megabytes, the stricter reading.
const ArmTargetBytes = 10_000_000

// withDefaults fills the zero fields and resolves the paths.
func (s Settings) withDefaults() (Settings, error) {
	if s.Root == "" {
		root, err := repocheck.FindRoot(".")
		if err != nil {
			return s, err
		}
		s.Root = root
	}
	if s.Binary == "" {
		s.Binary = filepath.Join(s.Root, "dist", "bootstrap")
	}
	abs, err := filepath.Abs(s.Binary)
	if err != nil {
		return s, err
	}
	s.Binary = abs
	if s.Baseline != "" {
		if s.Baseline, err = filepath.Abs(s.Baseline); err != nil {
			return s, err
		}
		if _, err := os.Stat(s.Baseline); err != nil {
			return s, fmt.Errorf("baseline: %w", err)
		}
	}
	if s.N <= 0 {
		s.N = DefaultN
	}
	if s.Warm <= 0 {
		s.Warm = DefaultWarm
	}
	if s.MemoryMB <= 0 {
		s.MemoryMB = defaultMemoryMB
	}
	return s, nil
}

// binaries are the executables a run measures, and their sizes.
type binaries struct {
	ours, floor string
	sizes       Sizes
}

// prepare builds what is missing: the bootstrap (when absent or Rebuild),
// the floor for the host, and both for linux/arm64 for the size target.
func prepare(ctx context.Context, s Settings, tmp string) (binaries, error) {
	_, statErr := os.Stat(s.Binary)
	switch {
	case s.Rebuild || errors.Is(statErr, fs.ErrNotExist):
		if err := harness.BuildBootstrap(ctx, filepath.Join(s.Root, "function"), s.Binary, ""); err != nil {
			return binaries{}, err
		}
	case statErr != nil:
		return binaries{}, fmt.Errorf("bootstrap: %w", statErr)
	}
	floor, err := harness.BuildFloor(ctx, filepath.Join(tmp, "floor"), "")
	if err != nil {
		return binaries{}, err
	}
	armOurs := filepath.Join(tmp, "arm64", "bootstrap")
	if err := harness.BuildBootstrap(ctx, filepath.Join(s.Root, "function"), armOurs, "arm64"); err != nil {
		return binaries{}, err
	}
	armFloor, err := harness.BuildFloor(ctx, filepath.Join(tmp, "floor-arm64"), "arm64")
	if err != nil {
		return binaries{}, err
	}
	b := binaries{ours: s.Binary, floor: floor, sizes: Sizes{Arch: runtime.GOARCH, TargetArm64Bytes: ArmTargetBytes}}
	for _, f := range []struct {
		path string
		dst  *int64
	}{{s.Binary, &b.sizes.OursBytes}, {floor, &b.sizes.FloorBytes}, {armOurs, &b.sizes.OursArm64Bytes}, {armFloor, &b.sizes.FloorArm64Bytes}} {
		if *f.dst, err = fileSize(f.path); err != nil {
			return binaries{}, err
		}
	}
	return b, nil
}

// RunColdStart measures the bootstrap against the floor (and, with
// Settings.Variants, LEE's configuration variants) as the package comment
// describes. Every process talks to a simulated Home Assistant on
// 127.0.0.1 only. ctx bounds the whole run.
func RunColdStart(ctx context.Context, s Settings) (*ColdStartReport, error) {
	s, err := s.withDefaults()
	if err != nil {
		return nil, fmt.Errorf("bench coldstart: %w", err)
	}
	tmp, err := os.MkdirTemp("", "lee-bench-")
	if err != nil {
		return nil, fmt.Errorf("bench coldstart: %w", err)
	}
	defer os.RemoveAll(tmp)
	r := runner{n: s.N, warm: s.Warm, memoryMB: s.MemoryMB, progress: s.Progress}
	r.note("building the floor and the linux/arm64 binaries")
	bins, err := prepare(ctx, s, tmp)
	if err != nil {
		return nil, fmt.Errorf("bench coldstart: %w", err)
	}
	ha, err := hasim.Start(hasim.Settings{Tokens: []string{benchToken}}, "")
	if err != nil {
		return nil, fmt.Errorf("bench coldstart: %w", err)
	}
	defer ha.Close()
	event, err := turnOnEvent(benchToken)
	if err != nil {
		return nil, fmt.Errorf("bench coldstart: %w", err)
	}
	haURL := []string{"HA_URL=" + ha.URL()}
	ours := subject{name: "ours", binary: bins.ours, env: haURL, event: event, wantName: "Response"}
	floor := subject{name: "floor", binary: bins.floor, env: haURL, event: event, wantName: "Response"}
	base, err := r.compare(ctx, "ours vs floor", ours, floor)
	if err != nil {
		return nil, fmt.Errorf("bench coldstart: %w", err)
	}
	r.note("ours vs floor: %d processes each with GODEBUG=inittrace=1", s.N)
	inits, err := r.traceInit(ctx, ours, floor)
	if err != nil {
		return nil, fmt.Errorf("bench coldstart: init trace: %w", err)
	}
	var variants []Comparison
	if s.Baseline != "" {
		c, err := r.compare(ctx, "ours vs baseline", ours,
			subject{name: "baseline", binary: s.Baseline, env: haURL, event: event, wantName: "Response"})
		if err != nil {
			return nil, fmt.Errorf("bench coldstart: baseline: %w", err)
		}
		variants = append(variants, c)
	}
	if s.Variants {
		more, err := runVariants(ctx, r, bins.ours, ha.URL(), tmp)
		if err != nil {
			return nil, fmt.Errorf("bench coldstart: variants: %w", err)
		}
		variants = append(variants, more...)
	}
	rep := newColdStartReport(ctx, s, base, variants, bins.sizes)
	rep.Init = &inits
	return rep, nil
}

// newColdStartReport assembles the report and evaluates the targets.
func newColdStartReport(ctx context.Context, s Settings, base Comparison, variants []Comparison, sizes Sizes) *ColdStartReport {
	rep := &ColdStartReport{
		Date: time.Now().UTC().Truncate(time.Second),
		Host: Host{OS: runtime.GOOS, Arch: runtime.GOARCH, CPU: cpuModel(), CPUs: runtime.NumCPU(), GoVersion: goVersion(ctx)},
		N:    s.N, Warm: s.Warm, MemoryMB: s.MemoryMB,
		Binary: s.Binary, Main: base, Variants: variants, Sizes: sizes,
	}
	ours := base.A
	rep.PlatformLogBytesPerInvocation = platformLogBytes(ours.WarmP50MS, s.MemoryMB, ours.PeakRSSKB)
	rep.FreeTier = freetier.Measured{
		MemoryMB:              s.MemoryMB,
		Arch:                  lambdaArch(runtime.GOARCH),
		BilledDurationMS:      billedMS(ours.WarmP50MS),
		LogBytesPerInvocation: round3(ours.LogBytesPerInvocation + float64(rep.PlatformLogBytesPerInvocation)),
		MetricNames:           len(ours.MetricNames),
	}
	rep.Targets = coldStartTargets(rep)
	return rep
}
