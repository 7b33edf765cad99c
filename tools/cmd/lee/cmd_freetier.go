package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/lee-engine/lee/tools/freetier"
	"github.com/lee-engine/lee/tools/internal/cli"
)

func init() {
	register("freetier", "estimate the AWS free-tier use and monthly cost of the function", runFreetier)
}

// noDuration explains where the one value without a default comes from.
const noDuration = `lee freetier: no duration to price. Measure one on this machine, from the repository's root:
  go run ./tools/cmd/lee bench coldstart --json > bench.json
  go run ./tools/cmd/lee freetier --from-bench bench.json
(lee bench coldstart builds the bootstrap and runs it under the local Lambda harness; --json
writes the measurement lee freetier reads), or give --duration-ms MS, e.g. the "Billed Duration"
of the function's REPORT lines in CloudWatch Logs.
`

// runFreetier runs `lee freetier`. Values measured by --from-bench replace the
// defaults; flags given explicitly replace both.
func runFreetier(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlagSet("lee freetier", "lee freetier --duration-ms MS | --from-bench FILE [--memory 128] [--arch arm64|x86_64] [--invocations 100000] [--log-bytes 600] [--metrics 10] [--json]")
	memory := fs.Int("memory", 128, "configured memory in MB")
	arch := fs.String("arch", "arm64", "architecture: arm64 or x86_64")
	duration := fs.Float64("duration-ms", 0, "measured billed duration of one invocation in ms (required unless --from-bench gives it)")
	invocations := fs.Int64("invocations", 100_000, "invocations per month")
	logBytes := fs.Float64("log-bytes", 600, "bytes written to CloudWatch Logs per invocation, Lambda's own lines included")
	metrics := fs.Int("metrics", 10, "custom metric names emitted")
	fromBench := fs.String("from-bench", "", "JSON written by lee bench coldstart --json (or the bare measurement object)")
	asJSON := fs.Bool("json", false, "print the estimate as JSON")
	if err := fs.Parse(args); err != nil {
		return cli.Error(fs, err, stdout, stderr)
	}
	if fs.NArg() > 0 {
		return cli.Usage(fs, stderr, fmt.Sprintf("unexpected arguments %q", fs.Args()))
	}
	s := freetier.Settings{MemoryMB: *memory, Arch: *arch, DurationMS: *duration, Invocations: *invocations,
		LogBytesPerInvocation: *logBytes, MetricNames: *metrics}
	if *fromBench != "" {
		m, err := readBench(*fromBench)
		if err != nil {
			fmt.Fprintf(stderr, "lee freetier: %v\n", err)
			return 2
		}
		m.Apply(&s)
		explicit := freetier.Settings{MemoryMB: *memory, Arch: *arch, DurationMS: *duration,
			LogBytesPerInvocation: *logBytes, MetricNames: *metrics}
		fs.Visit(func(f *flag.Flag) { overrideFromFlag(&s, explicit, f.Name) })
	}
	if s.DurationMS == 0 {
		fmt.Fprint(stderr, noDuration)
		return 2
	}
	e, err := freetier.Compute(s)
	if err != nil {
		fmt.Fprintf(stderr, "lee freetier: %v\n", err)
		return 2
	}
	write := freetier.WriteText
	if *asJSON {
		write = freetier.WriteJSON
	}
	if err := write(stdout, e); err != nil {
		fmt.Fprintf(stderr, "lee freetier: %v\n", err)
		return 1
	}
	return 0
}

// overrideFromFlag puts back the value of one flag the user gave explicitly
// after a benchmark file filled the settings.
func overrideFromFlag(s *freetier.Settings, explicit freetier.Settings, name string) {
	switch name {
	case "memory":
		s.MemoryMB = explicit.MemoryMB
	case "arch":
		s.Arch = explicit.Arch
	case "duration-ms":
		s.DurationMS = explicit.DurationMS
	case "log-bytes":
		s.LogBytesPerInvocation = explicit.LogBytesPerInvocation
	case "metrics":
		s.MetricNames = explicit.MetricNames
	}
}

// readBench reads the measurement out of a benchmark report file.
func readBench(path string) (freetier.Measured, error) {
	f, err := os.Open(path)
	if err != nil {
		return freetier.Measured{}, fmt.Errorf("read benchmark: %w", err)
	}
	defer f.Close()
	m, err := freetier.ReadMeasured(f)
	if err != nil {
		return freetier.Measured{}, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}
