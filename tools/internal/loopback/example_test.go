package loopback_test

import (
	"fmt"
	"net"

	"github.com/lee-engine/lee/tools/internal/loopback"
)

// ExampleFreeAddr finds a port to point a client at where nothing listens.
func ExampleFreeAddr() {
	addr, err := loopback.FreeAddr()
	if err != nil {
		fmt.Println(err)
		return
	}
	host, _, err := net.SplitHostPort(addr)
	fmt.Println(host, err)
	// Output: 127.0.0.1 <nil>
}
