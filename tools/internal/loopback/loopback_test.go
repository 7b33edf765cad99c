package loopback_test

import (
	"errors"
	"net"
	"strings"
	"syscall"
	"testing"

	"github.com/lee-engine/lee/tools/internal/loopback"
)

func TestFreeAddrIsAClosedLoopbackPort(t *testing.T) {
	tests := []struct {
		name string
		addr func(t *testing.T) string
	}{
		{"FreeAddr", func(t *testing.T) string {
			addr, err := loopback.FreeAddr()
			if err != nil {
				t.Fatal(err)
			}
			return addr
		}},
		{"ClosedAddr", func(t *testing.T) string { return loopback.ClosedAddr(t) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkClosed(t, tc.addr(t)) })
	}
}

// checkClosed fails unless addr is on 127.0.0.1, refuses connections and
// can be bound.
func checkClosed(t *testing.T, addr string) {
	t.Helper()
	if !strings.HasPrefix(addr, "127.0.0.1:") {
		t.Fatalf("FreeAddr = %q, want a 127.0.0.1 address", addr)
	}
	conn, err := net.Dial("tcp", addr)
	if err == nil {
		conn.Close()
		t.Fatalf("something listens on %s", addr)
	}
	if !errors.Is(err, syscall.ECONNREFUSED) {
		t.Errorf("dial %s: %v, want connection refused", addr, err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatalf("the port is not free to bind: %v", err)
	}
	ln.Close()
}
