package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// NewFlagSet returns a flag set named name (e.g. "lee doctor") whose help
// is "usage: " + synopsis followed by the flags. It prints nothing while
// parsing; Error and Usage decide where the help goes.
func NewFlagSet(name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: "+synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// Error settles an error from fs.Parse and returns the exit code: for -h
// (flag.ErrHelp) the help goes to stdout and the code is 0; any other error
// is printed once, prefixed with the command's name, followed by the help
// on stderr, and the code is 2.
func Error(fs *flag.FlagSet, err error, stdout, stderr io.Writer) int {
	if errors.Is(err, flag.ErrHelp) {
		help(fs, stdout)
		return 0
	}
	return Usage(fs, stderr, err.Error())
}

// Usage prints "<name>: <problem>" and the help to stderr and returns 2,
// for arguments the flag package accepts but the command does not (a
// missing required flag, a stray argument).
func Usage(fs *flag.FlagSet, stderr io.Writer, problem string) int {
	fmt.Fprintf(stderr, "%s: %s\n", fs.Name(), problem)
	help(fs, stderr)
	return 2
}

// help writes fs's help to w, leaving fs's output as it was.
func help(fs *flag.FlagSet, w io.Writer) {
	out := fs.Output()
	fs.SetOutput(w)
	fs.Usage()
	fs.SetOutput(out)
}
