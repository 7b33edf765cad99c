package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/lee-engine/lee/tools/harness"
	"github.com/lee-engine/lee/tools/internal/cli"
	"github.com/lee-engine/lee/tools/pack"
)

func init() {
	register("build", "build the Lambda bootstrap for linux/arm64 or amd64, reproducibly (what make bootstrap runs)", runBuild)
}

// runBuild runs `lee build --arch arm64|amd64 [--out dist/bootstrap]
// [--function DIR]` with harness.BuildBootstrap, the one definition of the
// build. Exit 0 on success, 1 when the build fails, 2 on bad arguments.
func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlagSet("lee build", "lee build --arch arm64|amd64 [--out dist/bootstrap] [--function DIR]")
	arch := fs.String("arch", "", "architecture to build for: arm64 or amd64 (x86_64 accepted); required")
	out := fs.String("out", filepath.Join("dist", "bootstrap"), "the binary to write")
	functionDir := fs.String("function", "", "the function module's folder (default: function/ of the repository holding the working directory)")
	if err := fs.Parse(args); err != nil {
		return cli.Error(fs, err, stdout, stderr)
	}
	if fs.NArg() > 0 {
		return cli.Usage(fs, stderr, fmt.Sprintf("unexpected arguments %q", fs.Args()))
	}
	a, err := pack.ParseArch(*arch)
	if err != nil {
		return cli.Usage(fs, stderr, "--arch: "+err.Error())
	}
	dir, err := inRepository(*functionDir, "--function", "function")
	if err != nil {
		fmt.Fprintf(stderr, "lee build: %v\n", err)
		return 2
	}
	command, err := harness.BuildCommand(string(a))
	if err != nil {
		fmt.Fprintf(stderr, "lee build: %v\n", err)
		return 2
	}
	ctx, stop := interruptContext()
	defer stop()
	if err := harness.BuildBootstrap(ctx, dir, *out, string(a)); err != nil {
		fmt.Fprintf(stderr, "lee build: %v\n", err)
		return 1
	}
	abs, err := filepath.Abs(*out)
	if err != nil {
		abs = *out
	}
	fmt.Fprintf(stdout, "lee build: in %s: %s -o %s .\n", dir, command, abs)
	return 0
}
