package httpclient

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

// TestKeepAlive checks that requests share one connection, and that a
// client idle for longer than its IdleTimeout starts over on a new one
// even when the transport's own idle timer has not fired (as after a
// Lambda freeze): the transport timer is set to an hour here, so only
// dropStaleConnections can close the connection.
func TestKeepAlive(t *testing.T) {
	tests := []struct {
		name      string
		idle      time.Duration
		wantConns int32
	}{
		{"connection reused", time.Hour, 1},
		{"stale connections dropped", time.Nanosecond, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, url, conns := countedConnections(t)
			c.idleTimeout = tt.idle
			for range 3 {
				if _, err := c.Do(context.Background(), Request{Method: http.MethodPost, URL: url, Body: []byte(`{}`)}); err != nil {
					t.Fatalf("Do: %v", err)
				}
			}
			if got := conns.Load(); got != tt.wantConns {
				t.Fatalf("server saw %d connections, want %d", got, tt.wantConns)
			}
		})
	}
}

// countedConnections starts a loopback server that answers "ok" and counts
// the connections opened to it, and returns a client with an hour's
// IdleTimeout (closed at the end of the test), the server's URL and the
// count.
func countedConnections(t *testing.T) (*Client, string, *atomic.Int32) {
	t.Helper()
	conns := new(atomic.Int32)
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, "ok")
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	c, err := New(Settings{IdleTimeout: time.Hour})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(c.CloseIdleConnections)
	return c, srv.URL, conns
}
