package gateway

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain checks that no test leaves a goroutine behind: the HTTP client's
// connections, the fake servers and the breakers' callbacks must all end.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
