//go:build unix

package httpclient

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// frozenConn stands for a connection of a frozen process: once frozen is
// set, whatever a Read gets from the socket (the server's close, bytes)
// is held back from the transport until release is closed. So the
// transport behaves as in a thawed Lambda, where the server's close
// arrived while the process was stopped and the transport has not run
// since.
type frozenConn struct {
	*net.TCPConn
	frozen  atomic.Bool
	release <-chan struct{}
}

func (c *frozenConn) Read(p []byte) (int, error) {
	n, err := c.TCPConn.Read(p)
	if c.frozen.Load() {
		<-c.release
	}
	return n, err
}

// waitReadable blocks until c's socket has something for a reader: data,
// the peer's close or an error. It takes the socket's read lock, so it
// also waits for a reader already blocked on it to have been served.
func waitReadable(t *testing.T, c syscall.Conn) {
	t.Helper()
	raw, err := c.SyscallConn()
	if err != nil {
		t.Fatal(err)
	}
	var buf [1]byte
	err = raw.Read(func(fd uintptr) bool {
		_, _, err := syscall.Recvfrom(int(fd), buf[:], syscall.MSG_PEEK)
		return !errors.Is(err, syscall.EAGAIN)
	})
	if err != nil {
		t.Fatalf("wait for the socket: %v", err)
	}
}

// frozenClient is a client whose connections are frozenConns; dialed
// gets each one it makes.
func frozenClient(t *testing.T, s Settings, dialed chan<- *frozenConn) *Client {
	t.Helper()
	s.Logger = slog.New(slog.DiscardHandler)
	c, err := New(s)
	if err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	var d net.Dialer
	c.transport.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := d.DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		fc := &frozenConn{TCPConn: conn.(*net.TCPConn), release: release}
		dialed <- fc
		return newWatchedConn(fc), nil
	}
	t.Cleanup(func() {
		c.CloseIdleConnections()
		close(release)
	})
	return c
}

// TestStaleKeptConnectionIsNotWrittenOn: the server closes a kept
// connection while the client cannot notice (a freeze); the next POST
// must not be written onto it, and goes out once, on a new connection.
func TestStaleKeptConnectionIsNotWrittenOn(t *testing.T) {
	for _, tlsOn := range []bool{false, true} {
		name := map[bool]string{false: "http", true: "https"}[tlsOn]
		t.Run(name, func(t *testing.T) {
			var mu sync.Mutex
			perConn := map[net.Conn]int{}
			idle := make(chan net.Conn, 4)
			srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				_, _ = io.Copy(io.Discard, r.Body)
				_, _ = io.WriteString(w, `{"ok":true}`)
			}))
			srv.Config.ErrorLog = nil
			srv.Config.ConnState = func(c net.Conn, s http.ConnState) {
				mu.Lock()
				defer mu.Unlock()
				switch s {
				case http.StateActive:
					perConn[c]++
				case http.StateIdle:
					if perConn[c] == 1 {
						idle <- c
					}
				}
			}
			if tlsOn {
				srv.StartTLS()
			} else {
				srv.Start()
			}
			t.Cleanup(srv.Close)
			dialed := make(chan *frozenConn, 4)
			c := frozenClient(t, Settings{InsecureSkipVerify: tlsOn}, dialed)
			post := Request{Method: http.MethodPost, URL: srv.URL, Body: []byte(`{"brightnessDelta":25}`)}
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			if _, err := c.Do(ctx, post); err != nil {
				t.Fatalf("first Do: %v", err)
			}
			first := <-dialed
			first.frozen.Store(true)
			(<-idle).Close()               // the server's keep-alive timeout
			waitReadable(t, first.TCPConn) // the close has reached the client's socket
			resp, err := c.Do(ctx, post)
			if err != nil {
				t.Fatalf("Do after the server closed the kept connection: %v", err)
			}
			mu.Lock()
			defer mu.Unlock()
			requests := 0
			for _, n := range perConn {
				requests += n
			}
			if resp.Attempts != 2 || len(perConn) != 2 || requests != 2 {
				t.Fatalf("attempts %d, server saw %d requests on %d connections; want 2, 2 and 2", resp.Attempts, requests, len(perConn))
			}
		})
	}
}

// connPair returns both ends of a loopback TCP connection.
func connPair(t *testing.T) (client, server *net.TCPConn) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	accepted := make(chan net.Conn, 1)
	go func() {
		c, _ := ln.Accept()
		accepted <- c
	}()
	cc, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	sc := <-accepted
	if sc == nil {
		t.Fatal("accept failed")
	}
	t.Cleanup(func() { cc.Close(); sc.Close() })
	return cc.(*net.TCPConn), sc.(*net.TCPConn)
}

// TestWatchedConnChecksBeforeWriting: an armed connection is written on
// only when the peer has neither closed it nor sent anything; otherwise
// the write fails having written nothing, and so does every later one.
func TestWatchedConnChecksBeforeWriting(t *testing.T) {
	tests := []struct {
		name      string
		peer      func(t *testing.T, server *net.TCPConn)
		arm       bool
		wantWrite bool
	}{
		{"idle and open", func(*testing.T, *net.TCPConn) {}, true, true},
		{"closed by the peer", func(_ *testing.T, s *net.TCPConn) { s.Close() }, true, false},
		{"reset by the peer", func(_ *testing.T, s *net.TCPConn) { _ = s.SetLinger(0); s.Close() }, true, false},
		{"bytes nobody asked for", func(t *testing.T, s *net.TCPConn) {
			if _, err := s.Write([]byte("HTTP/1.1 200 OK\r\n")); err != nil {
				t.Fatal(err)
			}
		}, true, false},
		{"closed, not armed", func(_ *testing.T, s *net.TCPConn) { s.Close() }, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			client, server := connPair(t)
			tt.peer(t, server)
			if !tt.wantWrite || !tt.arm {
				waitReadable(t, client)
			}
			w := newWatchedConn(client)
			w.armed.Store(tt.arm)
			n, err := w.Write([]byte("POST / HTTP/1.1\r\n"))
			if tt.wantWrite {
				if err != nil || n == 0 || w.written.Load() != int64(n) {
					t.Fatalf("Write = %d, %v (written %d); want the bytes written", n, err, w.written.Load())
				}
				return
			}
			if n != 0 || !errors.Is(err, errStaleConn) || w.written.Load() != 0 {
				t.Fatalf("Write = %d, %v (written %d); want nothing written and errStaleConn", n, err, w.written.Load())
			}
			if n, err := w.Write([]byte("x")); n != 0 || err == nil {
				t.Fatalf("second Write = %d, %v; want a stale connection to stay refused", n, err)
			}
			if KindOf(&net.OpError{Op: "write", Err: errStaleConn}) != KindReset {
				t.Fatalf("a stale connection is not classified as a reset")
			}
		})
	}
}

// TestIdleGapOnTheWallClock: a client whose wall clock has moved further
// than its monotonic clock since the last request (a paused virtual
// machine) drops its kept connections, though the gap is far below
// IdleTimeout; without such a gap the connection is kept.
func TestIdleGapOnTheWallClock(t *testing.T) {
	c, url, conns := countedConnections(t)
	post := Request{Method: http.MethodPost, URL: url, Body: []byte(`{}`)}
	for i, gap := range []time.Duration{0, 0, time.Second} {
		c.lastWall.Add(-int64(gap))
		if _, err := c.Do(context.Background(), post); err != nil {
			t.Fatalf("Do %d: %v", i+1, err)
		}
	}
	if got := conns.Load(); got != 2 {
		t.Fatalf("server saw %d connections, want 2 (one kept, one after the gap)", got)
	}
}
