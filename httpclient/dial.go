package httpclient

import (
	"context"
	"net"
	"time"
)

// keepAlive is the TCP keep-alive probe period of connections.
const keepAlive = 30 * time.Second

// dialer returns the dialer of a client: s.DialTimeout covers resolution
// and connect together, and names go to s.DNSServer when one is set.
func dialer(s Settings) *net.Dialer {
	d := &net.Dialer{Timeout: s.DialTimeout, KeepAlive: keepAlive}
	if s.DNSServer != "" {
		server := s.DNSServer
		dnsDialer := &net.Dialer{Timeout: s.DialTimeout}
		d.Resolver = &net.Resolver{
			PreferGo: true,
			// The resolver passes the address of the system's name server;
			// every query goes to the configured one instead.
			Dial: func(ctx context.Context, network, _ string) (net.Conn, error) {
				return dnsDialer.DialContext(ctx, network, server)
			},
		}
	}
	return d
}

// watchedDial dials with d and wraps the connection in a watchedConn.
func watchedDial(d *net.Dialer) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := d.DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		return newWatchedConn(c), nil
	}
}
