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

// validate fails the test when answer is not a valid Smart Home answer to
// request: the project's rules (shape, correlationToken and endpoint kept)
// and, when its data is at hand, Amazon's schema.
func validate(t *testing.T, request, answer []byte) {
	t.Helper()
	if err := alexatest.CheckAnswer(t, request, answer); err != nil {
		t.Errorf("answer is not valid: %v\nanswer: %s", err, answer)
	}
}

// sample reads one of the project's fixture directives by name, e.g.
// "PowerController.TurnOn" or "Discovery.Discover".
func sample(t *testing.T, name string) []byte {
	t.Helper()
	return alexatest.Directive(t, name)
}
