package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/lee-engine/lee/tools/harness"
	"github.com/lee-engine/lee/tools/internal/cli"
)

func init() {
	register("invoke", "run a bootstrap under the Lambda runtime harness and feed it events", runInvoke)
}

// invokeOptions are the parsed arguments of lee invoke.
type invokeOptions struct {
	binary     string
	env        stringList
	envFiles   stringList
	samplesDir string
	timeout    time.Duration
	memoryMB   int
	quietLogs  bool
	events     eventList
}

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// eventSource is one event to send: a file, or a sample by name.
type eventSource struct {
	sample bool
	name   string
}

// eventList keeps --sample flags and file arguments in command-line order.
type eventList []eventSource

func (l *eventList) String() string { return fmt.Sprint(len(*l)) }
func (l *eventList) Set(v string) error {
	*l = append(*l, eventSource{sample: true, name: v})
	return nil
}

func runInvoke(args []string, stdout, stderr io.Writer) int {
	opts, fs, err := parseInvokeArgs(args)
	if err != nil {
		return cli.Error(fs, err, stdout, stderr)
	}
	if len(opts.events) == 1 && opts.events[0].sample && opts.events[0].name == "list" {
		return listSamples(opts.samplesDir, stdout, stderr)
	}
	if len(opts.events) == 0 {
		return cli.Usage(fs, stderr, "give at least one event FILE or --sample NAME (--sample list shows them)")
	}
	events, err := loadEvents(opts)
	if err != nil {
		fmt.Fprintln(stderr, "lee invoke:", err)
		return 2
	}
	env, err := collectEnv(opts)
	if err != nil {
		fmt.Fprintln(stderr, "lee invoke:", err)
		return 2
	}
	ctx, stop := interruptContext()
	defer stop()
	rt, err := harness.Start(ctx, harness.Settings{Binary: opts.binary, Env: env, Timeout: opts.timeout, MemoryMB: opts.memoryMB})
	if err != nil {
		fmt.Fprintln(stderr, "lee invoke:", err)
		return 1
	}
	failed, exited := invokeAll(ctx, rt, events, stdout)
	if err := rt.Close(); err != nil {
		fmt.Fprintln(stderr, "lee invoke:", err)
		failed = true
	}
	switch {
	case !opts.quietLogs:
		printLogs(stdout, "function stdout", rt.Stdout())
		printLogs(stdout, "function stderr", rt.Stderr())
	case exited:
		printLastLine(stdout, rt.Stderr())
	}
	if failed {
		return 1
	}
	return 0
}

// parseInvokeArgs parses flags and file arguments in any order; after "--"
// everything is a file. The flag set is returned for the usage message.
func parseInvokeArgs(args []string) (*invokeOptions, *flag.FlagSet, error) {
	opts := &invokeOptions{}
	fs := cli.NewFlagSet("lee invoke", "lee invoke [flags] [FILE ...]\n"+
		"Runs the bootstrap under the Lambda runtime harness and sends it each event in order.")
	fs.StringVar(&opts.binary, "binary", "dist/bootstrap", "the Lambda `bootstrap` to run")
	fs.Var(&opts.env, "env", "a `KEY=VALUE` for the function's environment (repeatable)")
	fs.Var(&opts.envFiles, "env-file", "a `file` of KEY=VALUE lines for the function's environment (repeatable)")
	fs.Var(&opts.events, "sample", "send Amazon's sample request `NAME`, e.g. PowerController.TurnOn (repeatable; \"list\" lists them)")
	fs.StringVar(&opts.samplesDir, "samples", "", "the sample_messages `dir` (default: the one in Amazon's Alexa data at $LEE_ALEXA_DATA, else in ../shared/alexa beside the repository)")
	fs.DurationVar(&opts.timeout, "timeout", 10*time.Second, "the deadline of each invocation")
	fs.IntVar(&opts.memoryMB, "memory", 128, "the memory size reported to the function, in MB")
	fs.BoolVar(&opts.quietLogs, "quiet-logs", false, "do not print the function's stdout and stderr at the end")
	for {
		if err := fs.Parse(args); err != nil {
			return nil, fs, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return opts, fs, nil
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			for _, f := range rest {
				opts.events = append(opts.events, eventSource{name: f})
			}
			return opts, fs, nil
		}
		opts.events = append(opts.events, eventSource{name: rest[0]})
		args = rest[1:]
	}
}

func listSamples(dir string, stdout, stderr io.Writer) int {
	dir, err := sampleDir(dir)
	if err == nil {
		var samples []harness.Sample
		if samples, err = harness.Samples(dir); err == nil {
			for _, s := range samples {
				fmt.Fprintln(stdout, s.Name)
			}
			return 0
		}
	}
	fmt.Fprintln(stderr, "lee invoke:", err)
	return 1
}

func sampleDir(dir string) (string, error) {
	if dir != "" {
		return dir, nil
	}
	return harness.SampleDir(".")
}

// namedEvent is an event's bytes and the label it is reported under.
type namedEvent struct {
	label string
	data  []byte
}

// loadEvents reads every event before the function starts, so a typo in a
// name fails fast.
func loadEvents(opts *invokeOptions) ([]namedEvent, error) {
	var events []namedEvent
	dir := opts.samplesDir
	for _, src := range opts.events {
		path, label := src.name, src.name
		if src.sample {
			var err error
			if dir, err = sampleDir(dir); err != nil {
				return nil, err
			}
			if path, err = harness.FindSample(dir, src.name); err != nil {
				return nil, err
			}
			label = "sample " + src.name
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("event: %w", err)
		}
		events = append(events, namedEvent{label: label, data: data})
	}
	return events, nil
}

// collectEnv merges env files, in order, then --env entries, so a flag
// overrides a file.
func collectEnv(opts *invokeOptions) ([]string, error) {
	var env []string
	for _, f := range opts.envFiles {
		vars, err := harness.ReadEnvFile(f)
		if err != nil {
			return nil, err
		}
		env = append(env, vars...)
	}
	for _, kv := range opts.env {
		if k, _, ok := strings.Cut(kv, "="); !ok || k == "" {
			return nil, errors.New("--env wants KEY=VALUE")
		}
	}
	return append(env, opts.env...), nil
}

// invokeAll sends each event and prints its outcome; it reports whether any
// invocation failed or returned a function error, and whether the function's
// process exited (at init, or by crashing).
func invokeAll(ctx context.Context, rt *harness.Runtime, events []namedEvent, w io.Writer) (failed, exited bool) {
	for _, ev := range events {
		fmt.Fprintf(w, "== %s\n", ev.label)
		res, err := rt.Invoke(ctx, ev.data)
		if err != nil {
			fmt.Fprintf(w, "invoke failed: %v\n\n", err)
			var exit *harness.ExitError
			failed, exited = true, exited || errors.As(err, &exit)
			continue
		}
		fmt.Fprintf(w, "request id: %s\nduration: %s\n", res.RequestID, res.Duration.Round(time.Microsecond))
		if res.Error != nil {
			fmt.Fprintf(w, "function error: %s\n\n", res.Error)
			failed = true
			continue
		}
		fmt.Fprintf(w, "response:\n%s\n\n", indent(res.Payload))
	}
	return failed, exited
}

// indent pretty-prints a JSON payload; anything else is shown as it is.
func indent(payload []byte) []byte {
	var out bytes.Buffer
	if err := json.Indent(&out, payload, "", "  "); err != nil {
		return payload
	}
	return out.Bytes()
}

// printLastLine prints the last non-blank line the function wrote to
// stderr: when its process exits, that line says why (LEE's "lee: init
// failed: ..."), and --quiet-logs must not hide it.
func printLastLine(w io.Writer, stderr []byte) {
	lines := strings.Split(strings.TrimRight(string(stderr), " \t\r\n"), "\n")
	if last := strings.TrimSpace(lines[len(lines)-1]); last != "" {
		fmt.Fprintf(w, "-- function stderr, last line --\n%s\n", last)
	}
}

func printLogs(w io.Writer, title string, logs []byte) {
	fmt.Fprintf(w, "-- %s --\n", title)
	if len(logs) > 0 {
		_, _ = w.Write(logs)
		if logs[len(logs)-1] != '\n' {
			fmt.Fprintln(w)
		}
	}
}
