package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/lee-engine/lee/tools/internal/alexa"
	"github.com/lee-engine/lee/tools/internal/cli"
	"github.com/lee-engine/lee/tools/repocheck"
)

func init() {
	register("check", "check the repository's rules: versions, imports, docs, deadcode (all by default); alexa-data: where Amazon's data comes from", runCheck)
}

// runCheck runs `lee check [versions|imports|docs|deadcode|alexa-data] [--root DIR]`.
// Findings go to stdout one per line; the exit code is 1 when there is any,
// 2 when the command could not run. alexa-data is no rule: it says whether
// Amazon's Alexa conformance suite runs, and from where.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlagSet("lee check", "lee check [versions|imports|docs|deadcode|alexa-data] [--root DIR]")
	root := fs.String("root", "", "repository root (default: the nearest folder above the working directory holding go.work)")
	which, err := parseWithSubcommand(fs, args)
	if err != nil {
		return cli.Error(fs, err, stdout, stderr)
	}
	checks := map[string]func(string) ([]repocheck.Finding, error){
		"versions": repocheck.CheckVersions,
		"imports":  repocheck.CheckImports,
		"docs":     repocheck.CheckDocLinks,
		"deadcode": func(root string) ([]repocheck.Finding, error) {
			return repocheck.CheckDeadcode(context.Background(), root)
		},
	}
	names := []string{"versions", "imports", "docs", "deadcode"}
	if which != "" {
		if _, ok := checks[which]; !ok && which != "alexa-data" {
			fmt.Fprintf(stderr, "lee check: unknown check %q (versions, imports, docs, deadcode or alexa-data)\n", which)
			return 2
		}
		names = []string{which}
	}
	if *root == "" {
		wd, err := os.Getwd()
		if err == nil {
			*root, err = repocheck.FindRoot(wd)
		}
		if err != nil {
			fmt.Fprintf(stderr, "lee check: %v (use --root)\n", err)
			return 2
		}
	}
	if info, err := os.Stat(*root); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "lee check: root %s is not a folder\n", *root)
		return 2
	}
	if which == "alexa-data" {
		return reportAlexaData(*root, stdout, stderr)
	}
	code := 0
	for _, name := range names {
		findings, err := checks[name](*root)
		if err != nil {
			fmt.Fprintf(stderr, "lee check %s: %v\n", name, err)
			return 2
		}
		for _, f := range findings {
			fmt.Fprintln(stdout, f)
		}
		if len(findings) > 0 {
			fmt.Fprintf(stdout, "check %s: %d problem(s)\n", name, len(findings))
			code = 1
			continue
		}
		fmt.Fprintf(stdout, "check %s: ok\n", name)
	}
	return code
}

// parseWithSubcommand parses flags placed before or after one optional
// positional word (the check's name) and returns that word.
func parseWithSubcommand(fs *flag.FlagSet, args []string) (string, error) {
	if err := fs.Parse(args); err != nil {
		return "", err
	}
	rest := fs.Args()
	if len(rest) == 0 {
		return "", nil
	}
	if err := fs.Parse(rest[1:]); err != nil {
		return "", err
	}
	if fs.NArg() > 0 {
		return "", fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	return rest[0], nil
}

// conformancePackage is the home of Amazon's Alexa conformance suite, as
// `lee check alexa-data` names it.
const conformancePackage = "tools/conformance"

// reportAlexaData prints one line saying whether Amazon's Alexa conformance
// suite ran, and where it lives: tools/conformance, and the tests of the
// other tools packages that check against Amazon's data. They find the data
// with the same lookup (alexa.FindData from the repository root), so the
// data found here is the data they used. A LEE_ALEXA_DATA that names a
// folder without the data made those tests fail, and exits 1 here too.
func reportAlexaData(root string, stdout, stderr io.Writer) int {
	const suite = "Amazon's Alexa conformance suite (" + conformancePackage + " and the Amazon-data tests of the other tools packages)"
	d, err := alexa.FindData(root)
	switch {
	case errors.Is(err, alexa.ErrNoData):
		fmt.Fprintf(stdout, "%s: skipped: no Alexa data; %s to run it\n", suite, alexa.DataHint)
		return 0
	case err != nil:
		fmt.Fprintf(stderr, "%s: %v\n", suite, err)
		return 1
	}
	fmt.Fprintf(stdout, "%s: ran, data from %s (%s)\n", suite, d.Dir, d.Source)
	return 0
}
