package harness

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// binDir holds the binaries the tests build once per run.
var binDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "harness-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "harness tests: temp dir:", err)
		os.Exit(1)
	}
	binDir = dir
	goleak.VerifyTestMain(m, goleak.Cleanup(func(int) { _ = os.RemoveAll(dir) }))
}

var (
	fakeOnce sync.Once
	fakePath string
	fakeErr  error

	floorOnce sync.Once
	floorPath string
	floorErr  error
)

// fakeFunction builds testdata/fakefn once and returns its path.
func fakeFunction(t *testing.T) string {
	t.Helper()
	fakeOnce.Do(func() {
		fakePath = filepath.Join(binDir, "fakefn")
		out, err := exec.Command("go", "build", "-o", fakePath, "./testdata/fakefn").CombinedOutput()
		if err != nil {
			fakeErr = fmt.Errorf("go build fakefn: %w: %s", err, out)
		}
	})
	if fakeErr != nil {
		t.Fatal(fakeErr)
	}
	return fakePath
}

// floorBinary builds the floor once, exactly as benchmarks do.
func floorBinary(t *testing.T) string {
	t.Helper()
	floorOnce.Do(func() {
		dir := filepath.Join(binDir, "floor")
		if floorErr = os.Mkdir(dir, 0o755); floorErr == nil {
			floorPath, floorErr = BuildFloor(context.Background(), dir, "")
		}
	})
	if floorErr != nil {
		t.Fatal(floorErr)
	}
	return floorPath
}

// startRuntime starts a Runtime that the test closes when it ends.
func startRuntime(t *testing.T, s Settings) *Runtime {
	t.Helper()
	r, err := Start(context.Background(), s)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() {
		if err := r.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return r
}

// testContext bounds a test's waits so a harness bug fails the test instead
// of hanging it; no assertion depends on this bound.
func testContext(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	return ctx
}
