package reliability

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/lee-engine/lee/tools/demo"
	"github.com/lee-engine/lee/tools/harness"
	"github.com/lee-engine/lee/tools/testpki"
	"go.uber.org/goleak"
)

// workDir holds the built bootstrap and the generated certificates for the
// package's run; TestMain removes it.
var workDir string

// buildTimeout bounds each build of the function.
const buildTimeout = 5 * time.Minute

// TestMain makes the package's working folder and checks for leaked
// goroutines once every test has run. The bootstrap and the certificates
// are made on first use, so the fuzz target and the in-process tests do
// not pay for a build.
func TestMain(m *testing.M) {
	var err error
	if workDir, err = os.MkdirTemp("", "lee-reliability-"); err != nil {
		fmt.Fprintf(os.Stderr, "reliability: %v\n", err)
		os.Exit(1)
	}
	// net/http lingers up to half a second in closeWriteAndWait after the
	// client hangs up on an oversized body, after the simulator has closed.
	goleak.VerifyTestMain(m,
		goleak.IgnoreAnyFunction("net/http.(*conn).closeWriteAndWait"),
		goleak.Cleanup(func(code int) {
			if testing.Verbose() {
				audit.Lock()
				fmt.Printf("reliability: searched the whole output of %d function processes (%d bytes) for secrets\n", audit.processes, audit.bytes)
				audit.Unlock()
			}
			_ = os.RemoveAll(workDir)
			os.Exit(code)
		}))
}

// builtBootstrap builds the function once, as `make bootstrap` does (no
// -race: the race detector belongs to the tests, not to the binary under
// test), or takes $LEE_BOOTSTRAP.
var builtBootstrap = sync.OnceValues(func() (string, error) {
	if bin := os.Getenv("LEE_BOOTSTRAP"); bin != "" {
		return bin, nil
	}
	bin := filepath.Join(workDir, "bin", "bootstrap")
	ctx, cancel := context.WithTimeout(context.Background(), buildTimeout)
	defer cancel()
	if err := demo.BuildBootstrap(ctx, filepath.Join("..", "..", "function"), bin); err != nil {
		return "", err
	}
	return bin, nil
})

// builtRaceBootstrap builds the function once with the race detector (see
// harness.BuildBootstrapRace), for the tests that run invocations at once in
// one process, or takes $LEE_BOOTSTRAP_RACE.
var builtRaceBootstrap = sync.OnceValues(func() (string, error) {
	if bin := os.Getenv("LEE_BOOTSTRAP_RACE"); bin != "" {
		return bin, nil
	}
	bin := filepath.Join(workDir, "bin-race", "bootstrap")
	ctx, cancel := context.WithTimeout(context.Background(), buildTimeout)
	defer cancel()
	if err := harness.BuildBootstrapRace(ctx, filepath.Join("..", "..", "function"), bin); err != nil {
		return "", err
	}
	return bin, nil
})

// raceBootstrap is the function binary built with -race; a failed build
// fails the test.
func raceBootstrap(t *testing.T) string {
	t.Helper()
	bin, err := builtRaceBootstrap()
	if err != nil {
		t.Fatalf("BUILD OF THE FUNCTION WITH -race FAILED:\n%v", err)
	}
	return bin
}

// bootstrap is the function binary; a failed build fails the test.
func bootstrap(t *testing.T) string {
	t.Helper()
	bin, err := builtBootstrap()
	if err != nil {
		t.Fatalf("BUILD OF THE FUNCTION FAILED, no end-to-end test can run:\n%v", err)
	}
	return bin
}

var generatedPKI = sync.OnceValues(func() (*testpki.PKI, error) {
	dir := filepath.Join(workDir, "pki")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	return testpki.Generate(dir)
})

// certs are the test certificates every function process and gateway is
// configured with.
func certs(t *testing.T) *testpki.PKI {
	t.Helper()
	p, err := generatedPKI()
	if err != nil {
		t.Fatalf("generate test certificates: %v", err)
	}
	return p
}
