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

// bareSuite is one suite TestBareClone runs in the clone: dir is its
// module's folder and pkgs the packages `go test` is given.
type bareSuite struct {
	dir, pkgs string
}

var (
	// conformanceSuite is Amazon's conformance suite: without Amazon's data
	// it must pass with its Amazon tests skipped, each saying so, and its
	// checks of the project's own rules run.
	conformanceSuite = bareSuite{"tools", "./conformance"}
	// moduleSuite is a module whose tests once read Amazon's data: it must
	// now pass whole on the project's fixtures, with no test skipped but
	// the allocation guard the race detector turns off.
	moduleSuite = bareSuite{"lambdaiface", "./..."}
)

// testEvent is one line of `go test -json`.
type testEvent struct {
	Action  string
	Package string
	Test    string
	Output  string
}

// TestBareClone proves the fresh-clone path where Amazon's data is at hand
// (CI): it clones the committed repository into a folder with nothing
// beside it, unsets LEE_ALEXA_DATA and runs there, as `make test/<module>`
// does (-race), the conformance suite, expecting it to pass with only its
// Amazon tests skipped, each saying so, and lambdaiface's whole suite,
// expecting it to pass with no skip but the race-only allocation guard.
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

	sum := runBare(ctx, t, clone, conformanceSuite)
	if sum.passed < 50 || sum.packagesPassed == 0 {
		t.Errorf("conformance: %s: too little of the project's own checks ran", sum)
	}
	if len(sum.amazonSkips) < 8 {
		t.Errorf("conformance: %s: fewer than 8 tests skipped for want of Amazon's data; was the data hidden?", sum)
	}
	for _, name := range sum.otherSkips {
		t.Errorf("conformance: %s was skipped without saying it needs Amazon's data (%q)", name, alexatest.SkipNote)
	}
	t.Logf("bare clone, conformance: %s; skipped for want of Amazon's data: %s", sum, strings.Join(sum.amazonSkips, ", "))

	sum = runBare(ctx, t, clone, moduleSuite)
	if sum.passed < 100 || sum.packagesPassed == 0 {
		t.Errorf("%s: %s: too little ran to prove anything", moduleSuite.dir, sum)
	}
	for _, name := range sum.amazonSkips {
		t.Errorf("%s: %s skipped for want of Amazon's data; the module's tests must not need it", moduleSuite.dir, name)
	}
	for _, name := range sum.otherSkips {
		if !raceGuardSkip(name, sum.skipOutput[name]) {
			t.Errorf("%s: %s was skipped: %s", moduleSuite.dir, name, sum.skipOutput[name])
		}
	}
	t.Logf("bare clone, %s: %s", moduleSuite.dir, sum)
}

// runBare runs suite in the clone with the data hidden and returns its
// summary; a failed test or run fails t.
func runBare(ctx context.Context, t *testing.T, clone string, suite bareSuite) *suiteSummary {
	t.Helper()
	cmd := exec.CommandContext(ctx, "go", "test", "-race", "-count=1", "-json", suite.pkgs)
	cmd.Dir = filepath.Join(clone, suite.dir)
	cmd.Env = bareEnv()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	sum, err := summarize(stdout.Bytes())
	if err != nil || runErr != nil || sum.failed > 0 {
		t.Fatalf("go test %s in a bare clone's %s: %v, %v; %s\nstderr:\n%s\nfailures:\n%s", suite.pkgs, suite.dir, runErr, err, sum, stderr.String(), sum.failures.String())
	}
	return sum
}

// raceGuardSkip reports whether a skipped test is an allocation guard
// that skipped because the race detector is on (the guards run without it
// in `make allocs`).
func raceGuardSkip(name, output string) bool {
	return strings.Contains(name, "Alloc") && strings.Contains(output, "race detector")
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
	// skipOutput is what each test of otherSkips printed.
	skipOutput map[string]string
	failures   strings.Builder
}

func (s *suiteSummary) String() string {
	return fmt.Sprintf("%d tests passed, %d failed, %d skipped for want of Amazon's data, %d skipped otherwise",
		s.passed, s.failed, len(s.amazonSkips), len(s.otherSkips))
}

// summarize reads `go test -json` output: every test's verdict, and for
// each skipped test whether its output carries the Amazon-data skip note.
func summarize(out []byte) (*suiteSummary, error) {
	s := &suiteSummary{skipOutput: map[string]string{}}
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
				s.skipOutput[ev.Test] = output[key].String()
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
	if out := s.skipOutput["TestC"]; raceGuardSkip("TestC", out) || !raceGuardSkip("TestCAllocations", out) || raceGuardSkip("TestCAllocations", "no data") {
		t.Errorf("raceGuardSkip: only an allocation guard skipped for the race detector passes; TestC printed %q", out)
	}
}
