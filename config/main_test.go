package config

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package when a test leaves a goroutine behind: the
// SSM tests run HTTP servers and the Parameter Store client's transport.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// envMap is a lookupFunc over a fixed set of variables.
func envMap(vars map[string]string) lookupFunc {
	return func(name string) (string, bool) {
		v, ok := vars[name]
		return v, ok
	}
}

// with returns a copy of base with the given name/value pairs added.
func with(base map[string]string, pairs ...string) map[string]string {
	out := make(map[string]string, len(base)+len(pairs)/2)
	for k, v := range base {
		out[k] = v
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		out[pairs[i]] = pairs[i+1]
	}
	return out
}
