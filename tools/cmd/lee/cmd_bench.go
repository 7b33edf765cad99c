package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/lee-engine/lee/tools/bench"
	"github.com/lee-engine/lee/tools/internal/cli"
)

func init() {
	register("bench", "measure the bootstrap: coldstart (against the floor) or relay (go test -bench)", runBench)
}

// benchUsage is the help of `lee bench` itself; each measurement has its own
// flags.
const benchUsage = `usage: lee bench coldstart|relay [flags]
  coldstart   cold starts, memory and warm latency of the bootstrap beside the performance floor
  relay       the relay's go test benchmarks
lee bench coldstart -h and lee bench relay -h list the flags of each.`

func runBench(args []string, stdout, stderr io.Writer) int {
	if len(args) == 1 && isHelp(args[0]) {
		fmt.Fprintln(stdout, benchUsage)
		return 0
	}
	if len(args) == 0 || (args[0] != "coldstart" && args[0] != "relay") {
		fmt.Fprintln(stderr, benchUsage)
		return 2
	}
	ctx, stop := interruptContext()
	defer stop()
	if args[0] == "relay" {
		return benchRelay(ctx, args[1:], stdout, stderr)
	}
	return benchColdStart(ctx, args[1:], stdout, stderr)
}

func benchColdStart(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var s bench.Settings
	var asJSON, check, quiet bool
	var jsonOut string
	fs := cli.NewFlagSet("lee bench coldstart", "lee bench coldstart [flags]")
	fs.StringVar(&s.Binary, "binary", "", "the `bootstrap` to measure, built there when missing (default <root>/dist/bootstrap)")
	fs.BoolVar(&s.Rebuild, "rebuild", false, "build the bootstrap even when it exists")
	fs.IntVar(&s.N, "n", bench.DefaultN, "fresh processes of each binary")
	fs.IntVar(&s.Warm, "warm", bench.DefaultWarm, "warm invocations for peak RSS and warm latency")
	fs.IntVar(&s.MemoryMB, "memory", 128, "the function's memory size in MB")
	fs.BoolVar(&s.Variants, "variants", false, "also compare LEE_PRELOAD=all/unset and the SSM token fallback/HA_TOKEN")
	fs.StringVar(&s.Baseline, "baseline", "", "also compare the bootstrap with this other `bootstrap` (an older build), interleaved")
	fs.StringVar(&s.Root, "root", "", "the repository `dir` (default: the folder holding go.work above the working directory)")
	fs.BoolVar(&asJSON, "json", false, "print the report as JSON (for lee freetier --from-bench)")
	fs.StringVar(&jsonOut, "json-out", "", "also write the JSON report to `file`")
	fs.BoolVar(&check, "check", false, "exit 1 when a target is missed")
	fs.BoolVar(&quiet, "quiet", false, "no progress lines on stderr")
	if err := fs.Parse(args); err != nil {
		return cli.Error(fs, err, stdout, stderr)
	}
	if fs.NArg() > 0 {
		return cli.Usage(fs, stderr, fmt.Sprintf("unexpected argument %q", fs.Arg(0)))
	}
	if !quiet {
		s.Progress = stderr
	}
	r, err := bench.RunColdStart(ctx, s)
	if err != nil {
		fmt.Fprintln(stderr, "lee:", err)
		return 1
	}
	if jsonOut != "" {
		err = writeBenchJSON(jsonOut, r)
	}
	if err == nil && asJSON {
		err = r.WriteJSON(stdout)
	} else if err == nil {
		err = bench.WriteColdStart(stdout, r)
	}
	return benchExit(err, check, r.Targets, stderr)
}

// writeBenchJSON saves the cold-start report for lee freetier --from-bench.
func writeBenchJSON(path string, r *bench.ColdStartReport) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := r.WriteJSON(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func benchRelay(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var s bench.RelaySettings
	var asJSON, check bool
	fs := cli.NewFlagSet("lee bench relay", "lee bench relay [flags]")
	fs.IntVar(&s.Count, "count", bench.DefaultCount, "go test -count: runs of each benchmark")
	fs.StringVar(&s.Benchtime, "benchtime", "", "go test -benchtime (default go test's 1s)")
	fs.StringVar(&s.Root, "root", "", "the repository `dir` (default: the folder holding go.work above the working directory)")
	fs.BoolVar(&asJSON, "json", false, "print the report as JSON")
	fs.BoolVar(&check, "check", false, "exit 1 when a target is missed")
	if err := fs.Parse(args); err != nil {
		return cli.Error(fs, err, stdout, stderr)
	}
	if fs.NArg() > 0 {
		return cli.Usage(fs, stderr, fmt.Sprintf("unexpected argument %q", fs.Arg(0)))
	}
	r, err := bench.RunRelay(ctx, s)
	if err != nil {
		fmt.Fprintln(stderr, "lee:", err)
		return 1
	}
	if asJSON {
		err = r.WriteJSON(stdout)
	} else {
		err = bench.WriteRelay(stdout, r)
	}
	return benchExit(err, check, r.Targets, stderr)
}

// benchExit reports a failed write, and with check a missed target.
func benchExit(err error, check bool, targets []bench.Target, stderr io.Writer) int {
	if err != nil {
		fmt.Fprintln(stderr, "lee bench:", err)
		return 1
	}
	if missed := bench.MissedTargets(targets); check && len(missed) > 0 {
		for _, m := range missed {
			fmt.Fprintln(stderr, "lee bench: target missed:", m)
		}
		return 1
	}
	return 0
}
