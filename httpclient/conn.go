package httpclient

import (
	"crypto/tls"
	"errors"
	"net"
	"sync/atomic"
)

// errStaleConn is the write error of a kept-alive connection found closed
// (or holding bytes nobody asked for) before anything of a request was
// written onto it.
var errStaleConn = errors.New("kept-alive connection was closed by the server while idle; nothing was written")

// watchedConn is a connection the client dialed. It counts the bytes
// written onto it, so that Do can tell a request that never left from one
// that may have reached the server, and, once armed, checks before the
// next write that the server has not given the connection up while it sat
// in the pool: after a Lambda freeze the peer's close is waiting in the
// socket, and a request written behind it would be lost with a "connection
// reset" that looks like a dead Home Assistant.
type watchedConn struct {
	net.Conn
	peek    *socketPeek
	written atomic.Int64
	// armed asks the next Write to look at the socket first.
	armed atomic.Bool
	// stale is set once the connection was found unusable; every later
	// Write fails without writing, TLS alerts on close included.
	stale atomic.Bool
}

// newWatchedConn watches c.
func newWatchedConn(c net.Conn) *watchedConn {
	return &watchedConn{Conn: c, peek: newSocketPeek(c)}
}

// Write writes p unless the connection is stale. It never writes part of
// p onto a connection it has found closed.
func (c *watchedConn) Write(p []byte) (int, error) {
	if c.armed.Swap(false) && !c.peek.idleAndOpen() {
		c.stale.Store(true)
	}
	if c.stale.Load() {
		return 0, &net.OpError{Op: "write", Net: "tcp", Source: c.LocalAddr(), Addr: c.RemoteAddr(), Err: errStaleConn}
	}
	n, err := c.Conn.Write(p)
	c.written.Add(int64(n))
	return n, err
}

// watchedOf returns the watchedConn under c (a TLS connection's included),
// or nil for a connection the client did not dial.
func watchedOf(c net.Conn) *watchedConn {
	if tc, ok := c.(*tls.Conn); ok {
		c = tc.NetConn()
	}
	w, _ := c.(*watchedConn)
	return w
}
