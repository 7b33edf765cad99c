package main

import (
	"bytes"
	"sort"
	"strings"
	"testing"
)

func dispatchLee(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = dispatch(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func commandNames() []string {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// TestEveryCommandHelp holds every command to the same help contract:
// `lee X -h` and `lee help X` print X's usage to stdout, nothing to
// stderr, and exit 0.
func TestEveryCommandHelp(t *testing.T) {
	for _, name := range commandNames() {
		t.Run(name, func(t *testing.T) {
			for _, args := range [][]string{{name, "-h"}, {name, "--help"}, {"help", name}} {
				code, out, errOut := dispatchLee(args...)
				if code != 0 || errOut != "" {
					t.Errorf("lee %s: exit %d, stderr %q; want 0 and nothing", strings.Join(args, " "), code, errOut)
				}
				if !strings.HasPrefix(out, "usage: lee "+name) {
					t.Errorf("lee %s: stdout does not start with the usage of %s:\n%s", strings.Join(args, " "), name, out)
				}
			}
		})
	}
}

// TestEveryCommandRefusesAnUnknownFlag: a bad flag is exit 2 with one line
// naming it on stderr, and nothing on stdout.
func TestEveryCommandRefusesAnUnknownFlag(t *testing.T) {
	for _, name := range commandNames() {
		t.Run(name, func(t *testing.T) {
			args := []string{name, "--no-such-flag"}
			if name == "bench" {
				args = []string{name, "relay", "--no-such-flag"}
			}
			code, out, errOut := dispatchLee(args...)
			if code != 2 || out != "" {
				t.Errorf("exit %d, stdout %q; want 2 and nothing", code, out)
			}
			if n := strings.Count(errOut, "flag provided but not defined: -no-such-flag"); n != 1 {
				t.Errorf("the unknown flag is named %d times, want once:\n%s", n, errOut)
			}
		})
	}
}

func TestDispatch(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"no command", nil, 2, "", "usage: lee <command>"},
		{"help", []string{"help"}, 0, "usage: lee <command>", ""},
		{"-h", []string{"-h"}, 0, "usage: lee <command>", ""},
		{"unknown command", []string{"nope"}, 2, "", `lee: unknown command "nope"`},
		{"help for an unknown command", []string{"help", "nope"}, 2, "", `lee help: unknown command "nope"`},
		{"help for two commands", []string{"help", "doctor", "demo"}, 2, "", "usage: lee help [command]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := dispatchLee(tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d", code, tt.code)
			}
			if !strings.Contains(out, tt.stdout) || (tt.stdout == "" && out != "") {
				t.Errorf("stdout %q, want %q", out, tt.stdout)
			}
			if !strings.Contains(errOut, tt.stderr) || (tt.stderr == "" && errOut != "") {
				t.Errorf("stderr %q, want %q", errOut, tt.stderr)
			}
		})
	}
}
