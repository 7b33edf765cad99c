package bench

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain checks that no test leaves a goroutine behind: a real run starts
// the simulator, the runtime harness and the fake SSM, and must stop them.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
