package demo_test

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/lee-engine/lee/tools/demo"
	"go.uber.org/goleak"
)

// workDir holds the bootstrap built for the tests; TestMain removes it.
var workDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "lee-demo-test-")
	if err != nil {
		panic(err)
	}
	workDir = dir
	goleak.VerifyTestMain(m, goleak.Cleanup(func(code int) {
		_ = os.RemoveAll(dir)
		os.Exit(code)
	}))
}

var (
	buildOnce sync.Once
	buildErr  error
)

// bootstrap builds the function once for every test that needs it, or
// returns $LEE_BOOTSTRAP when that names an already built one.
func bootstrap(t *testing.T) string {
	t.Helper()
	if bin := os.Getenv("LEE_BOOTSTRAP"); bin != "" {
		return bin
	}
	bin := filepath.Join(workDir, "bootstrap")
	buildOnce.Do(func() {
		buildErr = demo.BuildBootstrap(context.Background(), functionDir(t), bin)
	})
	if buildErr != nil {
		t.Fatalf("building the function failed: %v", buildErr)
	}
	return bin
}

// moduleRoot is the tools module's folder, found above the package folder.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for ; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		if filepath.Dir(dir) == dir {
			t.Fatal("no go.mod above the test's folder")
		}
	}
}

func functionDir(t *testing.T) string {
	return filepath.Join(moduleRoot(t), "..", "function")
}
