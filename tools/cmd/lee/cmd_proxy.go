package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/lee-engine/lee/tools/internal/cli"
	"github.com/lee-engine/lee/tools/release"
)

func init() {
	register("proxy", "write the tagged modules as a Go module proxy folder, to try a release before publishing it", runProxy)
}

// runProxy runs `lee proxy --out DIR [--root DIR]`. Exit 0 on success, 1
// when a tag cannot be served, 2 on bad arguments.
func runProxy(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlagSet("lee proxy", "lee proxy --out DIR [--root DIR]")
	out := fs.String("out", "", "new or empty folder to write the proxy into (required)")
	root := fs.String("root", "", "repository root (default: the nearest folder above the working directory holding go.work)")
	if err := fs.Parse(args); err != nil {
		return cli.Error(fs, err, stdout, stderr)
	}
	if fs.NArg() > 0 {
		return cli.Usage(fs, stderr, fmt.Sprintf("unexpected arguments %q", fs.Args()))
	}
	if *out == "" {
		return cli.Usage(fs, stderr, "--out is required")
	}
	dir, err := repoRoot(*root)
	if err != nil {
		fmt.Fprintf(stderr, "lee proxy: %v (use --root)\n", err)
		return 2
	}
	abs, err := filepath.Abs(*out)
	if err != nil {
		fmt.Fprintf(stderr, "lee proxy: %v\n", err)
		return 2
	}
	ctx, stop := interruptContext()
	defer stop()
	written, err := release.WriteProxy(ctx, dir, abs)
	if err != nil {
		fmt.Fprintf(stderr, "lee proxy: %v\n", err)
		return 1
	}
	for _, mv := range written {
		fmt.Fprintf(stdout, "%s %s\n", mv.Path, mv.Version)
	}
	fmt.Fprintf(stdout, "%d module versions in %s; try them with:\n", len(written), abs)
	fmt.Fprintf(stdout, "  GOWORK=off GOPROXY=file://%s,$(go env GOPROXY) GONOSUMDB='github.com/lee-engine/*' go get <module>@<version>\n", filepath.ToSlash(abs))
	return 0
}
