package repocheck_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lee-engine/lee/tools/internal/alexatest"
	"github.com/lee-engine/lee/tools/repocheck"
)

// bareModule is the module whose suite TestBareClone runs: its tests read
// Amazon's data for their conformance layer and the project's fixtures for
// everything else, and it builds quickly.
const bareModule = "lambdaiface"

// testEvent is one line of `go test -json`.
type testEvent struct {
	Action  string
	Package string
	Test    string
	Output  string
}

// TestBareClone proves the fresh-clone path where Amazon's data is at hand
// (CI): it clones the committed repository into a folder with nothing
// beside it, unsets LEE_ALEXA_DATA, runs one module's whole suite there and
// expects it to pass with real tests run, the only skips being the tests
// that need Amazon's data, each saying so.
func TestBareClone(t *testing.T) {
	root, err := repocheck.FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, ".git")); err != nil {
		t.Skipf("the repository at %s is no git checkout (an unpacked archive?), so it cannot be cloned: %v", root, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), bareCloneBudget(t))
	defer cancel()
	clone := filepath.Join(t.TempDir(), "lee")
	if out, err := exec.CommandContext(ctx, "git", "clone", "--quiet", root, clone).CombinedOutput(); err != nil {
		t.Fatalf("git clone %s: %v\n%s", root, err, out)
	}
	if _, err := os.Stat(filepath.Join(clone, "..", "shared")); err == nil {
		t.Fatal("the clone has a shared folder beside it")
	}
	cmd := exec.CommandContext(ctx, "go", "test", "-count=1", "-json", "./...")
	cmd.Dir = filepath.Join(clone, bareModule)
	cmd.Env = bareEnv()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	sum, err := summarize(stdout.Bytes())
	if err != nil || runErr != nil || sum.failed > 0 {
		t.Fatalf("go test in a bare clone of %s: %v, %v; %s\nstderr:\n%s\nfailures:\n%s", bareModule, runErr, err, sum, stderr.String(), sum.failures.String())
	}
	if sum.passed < 100 || sum.packagesPassed == 0 {
		t.Errorf("%s: too little ran to prove anything", sum)
	}
	if len(sum.amazonSkips) < 3 {
		t.Errorf("%s: fewer than 3 tests skipped for want of Amazon's data; was the data hidden?", sum)
	}
	for _, name := range sum.otherSkips {
		t.Errorf("%s was skipped without saying it needs Amazon's data (%q)", name, alexatest.SkipNote)
	}
	t.Logf("bare clone, %s: %s; skipped for want of Amazon's data: %s", bareModule, sum, strings.Join(sum.amazonSkips, ", "))
}

// bareCloneBudget bounds the clone and the inner suite: the test's own
// deadline less a margin to report in, or ten minutes.
func bareCloneBudget(t *testing.T) time.Duration {
	if deadline, ok := t.Deadline(); ok {
		return time.Until(deadline) - 30*time.Second
	}
	return 10 * time.Minute
}

// bareEnv is this process's environment without what would let the inner
// suite find Amazon's data or leave workspace mode.
func bareEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if name != "LEE_ALEXA_DATA" && name != "GOWORK" {
			env = append(env, kv)
		}
	}
	return env
}

// suiteSummary counts what `go test -json` reported.
type suiteSummary struct {
	passed, failed, packagesPassed int
	amazonSkips, otherSkips        []string
	failures                       strings.Builder
}

func (s *suiteSummary) String() string {
	return fmt.Sprintf("%d tests passed, %d failed, %d skipped for want of Amazon's data, %d skipped otherwise",
		s.passed, s.failed, len(s.amazonSkips), len(s.otherSkips))
}

// summarize reads `go test -json` output: every test's verdict, and for
// each skipped test whether its output carries the Amazon-data skip note.
func summarize(out []byte) (*suiteSummary, error) {
	s := &suiteSummary{}
	output := map[string]*strings.Builder{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var ev testEvent
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			fmt.Fprintf(&s.failures, "not a test event: %s\n", sc.Bytes())
			s.failed++
			continue
		}
		key := ev.Package + " " + ev.Test
		if output[key] == nil {
			output[key] = &strings.Builder{}
		}
		switch ev.Action {
		case "output", "build-output":
			output[key].WriteString(ev.Output)
		case "pass":
			if ev.Test == "" {
				s.packagesPassed++
			} else {
				s.passed++
			}
		case "fail":
			s.failed++
			fmt.Fprintf(&s.failures, "%s%s\n", key, output[key].String())
		case "skip":
			if ev.Test == "" {
				continue // a package without tests
			}
			if strings.Contains(output[key].String(), alexatest.SkipNote) {
				s.amazonSkips = append(s.amazonSkips, ev.Test)
			} else {
				s.otherSkips = append(s.otherSkips, ev.Test)
			}
		}
	}
	return s, sc.Err()
}

// TestSummarize is the control: the summary counts passes and packages,
// and tells a failure, an Amazon-data skip and any other skip apart.
func TestSummarize(t *testing.T) {
	lines := []string{
		`{"Action":"run","Package":"p","Test":"TestA"}`,
		`{"Action":"pass","Package":"p","Test":"TestA"}`,
		`{"Action":"output","Package":"p","Test":"TestB","Output":"    x_test.go:9: ` + alexatest.SkipNote + `: set LEE_ALEXA_DATA\n"}`,
		`{"Action":"skip","Package":"p","Test":"TestB"}`,
		`{"Action":"output","Package":"p","Test":"TestC","Output":"    x_test.go:9: the race detector is on\n"}`,
		`{"Action":"skip","Package":"p","Test":"TestC"}`,
		`{"Action":"output","Package":"p","Test":"TestD","Output":"    x_test.go:9: broken\n"}`,
		`{"Action":"fail","Package":"p","Test":"TestD"}`,
		`{"Action":"pass","Package":"p"}`,
		`not JSON`,
	}
	s, err := summarize([]byte(strings.Join(lines, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	if s.passed != 1 || s.packagesPassed != 1 || s.failed != 2 ||
		strings.Join(s.amazonSkips, ",") != "TestB" || strings.Join(s.otherSkips, ",") != "TestC" ||
		!strings.Contains(s.failures.String(), "broken") || !strings.Contains(s.failures.String(), "not JSON") {
		t.Errorf("summary %s; failures:\n%s", s, s.failures.String())
	}
}
