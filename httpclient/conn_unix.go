//go:build unix

package httpclient

import (
	"errors"
	"net"
	"syscall"
)

// socketPeek looks at a connection's socket without reading from it. It
// is made once per connection, so that a look costs no allocation.
type socketPeek struct {
	raw    syscall.RawConn
	look   func(fd uintptr)
	usable bool
	buf    [1]byte
}

// newSocketPeek returns the peek of c's socket, or nil when c has none.
func newSocketPeek(c net.Conn) *socketPeek {
	sc, ok := c.(syscall.Conn)
	if !ok {
		return nil
	}
	raw, err := sc.SyscallConn()
	if err != nil {
		return nil
	}
	p := &socketPeek{raw: raw}
	p.look = p.lookAt
	return p
}

// idleAndOpen reports whether an idle connection can carry a request: the
// peer has not closed it and has sent nothing since the last answer. It
// peeks at the socket without consuming or waiting (Go's sockets are
// non-blocking, so an empty socket answers EAGAIN): 0 bytes means the
// peer's FIN is there; bytes mean an answer nobody asked for, after which
// the connection cannot be trusted either. Without a socket to look at
// (nil p) the connection counts as usable, which is what the transport
// assumed before.
func (p *socketPeek) idleAndOpen() bool {
	if p == nil {
		return true
	}
	p.usable = false
	return p.raw.Control(p.look) == nil && p.usable
}

func (p *socketPeek) lookAt(fd uintptr) {
	for {
		_, _, err := syscall.Recvfrom(int(fd), p.buf[:], syscall.MSG_PEEK)
		if errors.Is(err, syscall.EINTR) {
			continue
		}
		// Only "nothing to read yet" is an idle, open connection: data,
		// end of stream (no error, no byte) and any socket error are not.
		p.usable = errors.Is(err, syscall.EAGAIN) || errors.Is(err, syscall.EWOULDBLOCK)
		return
	}
}
