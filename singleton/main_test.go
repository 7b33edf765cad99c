package singleton

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// isolate gives a test an empty registry and leaves one behind.
func isolate(t *testing.T) {
	t.Helper()
	Reset()
	t.Cleanup(Reset)
}
