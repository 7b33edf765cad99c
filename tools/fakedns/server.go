package fakedns

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
)

// Settings configure a Server.
type Settings struct {
	// Records maps host names (case-insensitive, trailing dot optional) to
	// the IPv4 address their A query answers. Names not listed get NXDOMAIN;
	// a listed name asked for another type (AAAA, …) gets an empty answer,
	// as a real zone would. Nil means every name is unknown.
	Records map[string]netip.Addr
}

// Server is a running fake DNS server.
type Server struct {
	conn    net.PacketConn
	mu      sync.RWMutex
	records map[string][4]byte
	queries atomic.Int64
	done    chan struct{}
	once    sync.Once
}

// Start listens on 127.0.0.1 on a free UDP port and serves until Close.
func Start(s Settings) (*Server, error) {
	srv := &Server{records: map[string][4]byte{}, done: make(chan struct{})}
	for name, ip := range s.Records {
		if err := srv.Set(name, ip); err != nil {
			return nil, fmt.Errorf("start fake DNS: %w", err)
		}
	}
	conn, err := net.ListenPacket("udp4", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("start fake DNS: %w", err)
	}
	srv.conn = conn
	go srv.serve()
	return srv, nil
}

// Addr is the server's address, "127.0.0.1:port".
func (s *Server) Addr() string {
	return s.conn.LocalAddr().String()
}

// Set adds or changes the A record of name while the server runs.
func (s *Server) Set(name string, ip netip.Addr) error {
	if !ip.Is4() {
		return fmt.Errorf("record %s: %v is not an IPv4 address", name, ip)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.records[normalise(name)] = ip.As4()
	return nil
}

// Delete removes the record of name, so that it answers NXDOMAIN.
func (s *Server) Delete(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.records, normalise(name))
}

// Queries is the number of well-formed queries answered so far.
func (s *Server) Queries() int64 {
	return s.queries.Load()
}

// Close stops the server and waits for its goroutine to end. It is safe to
// call more than once.
func (s *Server) Close() error {
	var err error
	s.once.Do(func() {
		err = s.conn.Close()
		<-s.done
	})
	return err
}

// serve answers datagrams until the socket is closed.
func (s *Server) serve() {
	defer close(s.done)
	buf := make([]byte, 1500)
	for {
		n, from, err := s.conn.ReadFrom(buf)
		if errors.Is(err, net.ErrClosed) {
			return
		}
		if err != nil {
			continue
		}
		if reply, ok := s.reply(buf[:n]); ok {
			_, _ = s.conn.WriteTo(reply, from)
		}
	}
}

// reply builds the answer to one datagram; ok is false for garbage, which
// gets no answer at all.
func (s *Server) reply(msg []byte) ([]byte, bool) {
	q, err := parseQuery(msg)
	if err != nil {
		return nil, false
	}
	if q.rcode != rcodeNoError {
		return answer(q, nil, q.rcode), true
	}
	s.queries.Add(1)
	s.mu.RLock()
	ip, known := s.records[q.q.name]
	s.mu.RUnlock()
	switch {
	case !known:
		return answer(q, nil, rcodeNXDomain), true
	case q.q.qtype == typeA && q.q.class == classIN:
		return answer(q, ip[:], rcodeNoError), true
	}
	return answer(q, nil, rcodeNoError), true
}

// normalise lower-cases a name and drops its trailing dot.
func normalise(name string) string {
	return strings.TrimSuffix(strings.ToLower(name), ".")
}
