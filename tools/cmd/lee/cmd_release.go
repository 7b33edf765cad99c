package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/lee-engine/lee/tools/internal/cli"
	"github.com/lee-engine/lee/tools/release"
)

func init() {
	register("release", "release one module: Version, CHANGELOG, versions.yaml, dependents' go.mod, commit; --tag creates the pending tags", runRelease)
}

const releaseSynopsis = `lee release <module> <version> [--write [--tag]] [--root DIR]
       lee release --tag [--root DIR]`

// runRelease runs `lee release`. Without --write it is a dry run that
// checks everything the real run would and prints the plan. Exit 0 on
// success, 1 when the release cannot be made (dirty tree, no Unreleased
// section, inconsistent versions, a git failure), 2 on bad arguments
// (unknown module, a version that is not X.Y.Z or not above the current).
func runRelease(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlagSet("lee release", releaseSynopsis)
	write := fs.Bool("write", false, "apply the release and commit it (default: dry run)")
	tag := fs.Bool("tag", false, "create the pending <module>/vX.Y.Z tags locally, dependencies first")
	root := fs.String("root", "", "repository root (default: the nearest folder above the working directory holding go.work)")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return cli.Error(fs, err, stdout, stderr)
	}
	switch {
	case len(pos) == 0 && *tag && !*write:
	case len(pos) == 2 && (*write || !*tag):
	default:
		return cli.Usage(fs, stderr, "want a module and a version, or --tag alone")
	}
	dir, err := repoRoot(*root)
	if err != nil {
		fmt.Fprintf(stderr, "lee release: %v (use --root)\n", err)
		return 2
	}
	ctx, stop := interruptContext()
	defer stop()
	if len(pos) == 2 {
		p, err := release.Release(ctx, release.Settings{Root: dir, Module: pos[0], Version: pos[1], Write: *write, Log: stderr})
		if err != nil {
			fmt.Fprintf(stderr, "lee release: %v\n", err)
			return releaseExit(err)
		}
		printPlan(stdout, p, *write)
		if !*tag {
			return 0
		}
	}
	created, err := release.CreateTags(ctx, dir)
	for _, t := range created {
		fmt.Fprintf(stdout, "tagged %s\n", t)
	}
	if err != nil {
		fmt.Fprintf(stderr, "lee release: %v\n", err)
		return 1
	}
	if len(created) == 0 {
		fmt.Fprintln(stdout, "no tag to create: every module's version is tagged")
	}
	return 0
}

// releaseExit is 2 for errors in the arguments, 1 for the others.
func releaseExit(err error) int {
	for _, bad := range []error{release.ErrUnknownModule, release.ErrBadVersion, release.ErrNotGreater} {
		if errors.Is(err, bad) {
			return 2
		}
	}
	return 1
}

// printPlan reports a release: the edits, the dependents and the tags.
func printPlan(w io.Writer, p *release.Plan, written bool) {
	if written {
		fmt.Fprintf(w, "released %s %s → %s in commit %.12s\n", p.Module, p.From, p.To, p.Commit)
	} else {
		fmt.Fprintf(w, "release %s %s → %s (dry run: nothing is written; --write applies it)\n", p.Module, p.From, p.To)
	}
	for _, f := range p.Files {
		fmt.Fprintf(w, "  %-28s %s\n", f.File, f.What)
	}
	if !written {
		fmt.Fprintln(w, "then make sync, lee check versions and one commit")
	}
	changed := p.Dependents
	if written {
		changed = p.Changed
	}
	if len(changed) > 0 {
		fmt.Fprintf(w, "changed, so each needs its own release (dependencies first): %s\n", strings.Join(changed, ", "))
	}
	tags := make([]string, len(p.Tags))
	for i, t := range p.Tags {
		tags[i] = t.String()
	}
	fmt.Fprintf(w, "git tags to create (dependencies first): %s\n", strings.Join(tags, " "))
	fmt.Fprintln(w, "create them with: lee release --tag")
}

// parseInterleaved parses flags placed anywhere among the positional
// arguments and returns the positional ones in order.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
