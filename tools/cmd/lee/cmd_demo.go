package main

import (
	"fmt"
	"io"

	"github.com/lee-engine/lee/tools/demo"
	"github.com/lee-engine/lee/tools/internal/cli"
)

func init() {
	register("demo", "run the function against the simulator's demo home: Discovery, TurnOn, ReportState, each answer checked", runDemo)
}

// runDemo runs `lee demo [--binary PATH] [--alexa DIR]`. The report goes to
// stdout; the exit code is 0 when every answer is valid, 1 when one is not or
// the demo could not run, 2 on bad arguments.
func runDemo(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlagSet("lee demo", "lee demo [--binary PATH] [--alexa DIR]")
	binary := fs.String("binary", "", "bootstrap to run; built when the file is missing (default: dist/bootstrap of the repository)")
	alexa := fs.String("alexa", "", "a checkout of Amazon's Alexa data, github.com/alexa-samples/alexa-smarthome (default: $LEE_ALEXA_DATA, else ../shared/alexa beside the repository; without it, the demo's own directives and no check against Amazon's schema)")
	if err := fs.Parse(args); err != nil {
		return cli.Error(fs, err, stdout, stderr)
	}
	if fs.NArg() > 0 {
		return cli.Usage(fs, stderr, fmt.Sprintf("unexpected argument %q", fs.Arg(0)))
	}
	ctx, stop := interruptContext()
	defer stop()
	err := demo.Run(ctx, demo.Settings{Binary: *binary, AlexaDir: *alexa, Out: stdout})
	if err != nil {
		fmt.Fprintf(stderr, "lee demo: %v\n", err)
		return 1
	}
	return 0
}
