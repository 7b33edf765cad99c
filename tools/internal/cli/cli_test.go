package cli_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/internal/cli"
)

func parse(args ...string) (code int, stdout, stderr string) {
	fs := cli.NewFlagSet("lee thing", "lee thing [--count N]")
	fs.Int("count", 1, "how many")
	var out, errOut bytes.Buffer
	if err := fs.Parse(args); err != nil {
		return cli.Error(fs, err, &out, &errOut), out.String(), errOut.String()
	}
	return -1, out.String(), errOut.String()
}

func TestHelpGoesToStdout(t *testing.T) {
	for _, arg := range []string{"-h", "--help", "-help"} {
		code, out, errOut := parse(arg)
		if code != 0 || errOut != "" {
			t.Errorf("%s: exit %d, stderr %q; want 0 and nothing", arg, code, errOut)
		}
		if !strings.HasPrefix(out, "usage: lee thing [--count N]\n") || !strings.Contains(out, "-count") {
			t.Errorf("%s: stdout %q, want the usage line and the flags", arg, out)
		}
	}
}

func TestBadFlagIsReportedOnce(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--nope"}, "lee thing: flag provided but not defined: -nope\n"},
		{[]string{"--count", "many"}, `lee thing: invalid value "many" for flag -count: parse error` + "\n"},
	}
	for _, tt := range tests {
		code, out, errOut := parse(tt.args...)
		if code != 2 || out != "" {
			t.Errorf("%q: exit %d, stdout %q; want 2 and nothing", tt.args, code, out)
		}
		if !strings.HasPrefix(errOut, tt.want) {
			t.Errorf("%q: stderr %q does not start with %q", tt.args, errOut, tt.want)
		}
		problem := strings.TrimPrefix(strings.TrimSuffix(tt.want, "\n"), "lee thing: ")
		if strings.Count(errOut, problem) != 1 || strings.Count(errOut, "usage: lee thing") != 1 {
			t.Errorf("%q: want the error and the usage once each:\n%s", tt.args, errOut)
		}
	}
}

func TestUsage(t *testing.T) {
	fs := cli.NewFlagSet("lee thing", "lee thing FILE")
	var errOut bytes.Buffer
	if code := cli.Usage(fs, &errOut, "give one FILE"); code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if want := "lee thing: give one FILE\nusage: lee thing FILE\n"; errOut.String() != want {
		t.Errorf("stderr %q, want %q", errOut.String(), want)
	}
}
