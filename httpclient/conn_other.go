//go:build !unix

package httpclient

import "net"

// socketPeek cannot look at a socket on this platform.
type socketPeek struct{}

func newSocketPeek(net.Conn) *socketPeek { return nil }

// idleAndOpen counts the connection as usable, as the transport assumes.
func (*socketPeek) idleAndOpen() bool { return true }
