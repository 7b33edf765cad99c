package loopback

import (
	"fmt"
	"net"
)

// FreeAddr returns a 127.0.0.1 host:port that nothing listens on right now:
// a port to hand to a program that binds it itself, or one a test dials to
// meet a refused connection. Another process may take the port before the
// caller uses it.
func FreeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("find a free loopback port: %w", err)
	}
	addr := ln.Addr().String()
	if err := ln.Close(); err != nil {
		return "", fmt.Errorf("find a free loopback port: %w", err)
	}
	return addr, nil
}

// Fataler is what ClosedAddr needs of a test; *testing.T and *rapid.T both
// have it.
type Fataler interface {
	Helper()
	Fatalf(format string, args ...any)
}

// ClosedAddr is FreeAddr for tests that need a connection to be refused: it
// fails t when no port can be had.
func ClosedAddr(t Fataler) string {
	t.Helper()
	addr, err := FreeAddr()
	if err != nil {
		t.Fatalf("%v", err)
	}
	return addr
}
