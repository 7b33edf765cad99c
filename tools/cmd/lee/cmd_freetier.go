package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/lee-engine/lee/tools/freetier"
)

func init() {
	register("freetier", "estimate the AWS free-tier use and monthly cost of the function", runFreetier)
}

// runFreetier runs `lee freetier`. Values measured by --from-bench replace the
// defaults; flags given explicitly replace both.
func runFreetier(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lee freetier", flag.ContinueOnError)
	fs.SetOutput(stderr)
	memory := fs.Int("memory", 128, "configured memory in MB")
	arch := fs.String("arch", "arm64", "architecture: arm64 or x86_64")
	duration := fs.Float64("duration-ms", 0, "measured billed duration of one invocation in ms (required unless --from-bench gives it)")
	invocations := fs.Int64("invocations", 100_000, "invocations per month")
	logBytes := fs.Float64("log-bytes", 600, "bytes written to CloudWatch Logs per invocation, Lambda's own lines included")
	metrics := fs.Int("metrics", 10, "custom metric names emitted")
	fromBench := fs.String("from-bench", "", "JSON written by lee bench coldstart --json (or the bare measurement object)")
	asJSON := fs.Bool("json", false, "print the estimate as JSON")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "lee freetier: unexpected arguments %q\n", fs.Args())
		return 2
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
		fmt.Fprintln(stderr, "lee freetier: give the measured duration with --duration-ms or --from-bench")
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
