package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/lee-engine/lee/tools/demo"
	"github.com/lee-engine/lee/tools/internal/alexatest"
	"go.uber.org/goleak"
)

// bootstrap is the function binary every test runs.
var bootstrap string

// buildTimeout bounds the one build of the function.
const buildTimeout = 5 * time.Minute

// TestMain builds the function once, as `make bootstrap` does (no -race: the
// race detector belongs to the tests, not to the binary under test), or uses
// $LEE_BOOTSTRAP. A failed build fails the whole package loudly.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "lee-e2e-")
	if err != nil {
		fmt.Fprintf(os.Stderr, "e2e: %v\n", err)
		os.Exit(1)
	}
	bootstrap = os.Getenv("LEE_BOOTSTRAP")
	if bootstrap == "" {
		bootstrap = filepath.Join(dir, "bootstrap")
		ctx, cancel := context.WithTimeout(context.Background(), buildTimeout)
		err = demo.BuildBootstrap(ctx, filepath.Join("..", "..", "function"), bootstrap)
		cancel()
		if err != nil {
			fmt.Fprintf(os.Stderr, "e2e: BUILD OF THE FUNCTION FAILED, no end-to-end test can run:\n%v\n", err)
			_ = os.RemoveAll(dir)
			os.Exit(1)
		}
	}
	goleak.VerifyTestMain(m, goleak.Cleanup(func(code int) {
		_ = os.RemoveAll(dir)
		os.Exit(code)
	}))
}

// validate fails the test when msg is not a valid Smart Home message.
func validate(t *testing.T, msg []byte) {
	t.Helper()
	if err := alexatest.Schema(t).Validate(msg); err != nil {
		t.Errorf("answer is not valid against Amazon's schema: %v\nanswer: %s", err, msg)
	}
}

// sample reads one of Amazon's sample messages by name (see
// harness.FindSample), e.g. "PowerController.TurnOn".
func sample(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(samplePath(t, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
