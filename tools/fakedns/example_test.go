package fakedns_test

import (
	"context"
	"fmt"
	"net"
	"net/netip"

	"github.com/lee-engine/lee/tools/fakedns"
)

// ExampleStart resolves a configured name and an unknown one through the
// fake server with Go's own resolver.
func ExampleStart() {
	srv, err := fakedns.Start(fakedns.Settings{Records: map[string]netip.Addr{
		"homeassistant.lee.test": netip.MustParseAddr("127.0.0.1"),
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	resolver := &net.Resolver{
		PreferGo: true,
		Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "udp", srv.Addr())
		},
	}
	addrs, err := resolver.LookupHost(context.Background(), "homeassistant.lee.test")
	fmt.Println(addrs, err)
	_, err = resolver.LookupHost(context.Background(), "nowhere.lee.test")
	dnsErr, ok := err.(*net.DNSError)
	fmt.Println(ok && dnsErr.IsNotFound)
	// Output:
	// [127.0.0.1] <nil>
	// true
}
