package httpclient_test

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lee-engine/lee/httpclient"
)

// dropAfterReading answers the first request of the test normally, so
// that the client keeps its connection, and every later one by reading it
// whole and closing the connection without a word: the request may have
// been applied, and nothing says so. drops counts the requests dropped.
func dropAfterReading(t *testing.T) (http.HandlerFunc, *atomic.Int32) {
	var seen, drops atomic.Int32
	return func(w http.ResponseWriter, r *http.Request) {
		if seen.Add(1) == 1 {
			ok(w, r)
			return
		}
		_, _ = io.Copy(io.Discard, r.Body)
		drops.Add(1)
		conn, _, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Errorf("hijack: %v", err)
			return
		}
		_ = conn.Close()
	}, &drops
}

// TestDroppedPostIsNeverSentTwice: a POST that the server read and then
// dropped the connection of is not sent again, whatever the headers. With
// Idempotency-Key or X-Idempotency-Key (any case) Go's transport counts a
// request as replayable and silently resends it on a new connection when
// a kept one fails; the client must not let it.
func TestDroppedPostIsNeverSentTwice(t *testing.T) {
	tests := []struct {
		name     string
		settings map[string]string
		request  http.Header
	}{
		{name: "no extra header"},
		{name: "Idempotency-Key in the settings", settings: map[string]string{"Idempotency-Key": "k1"}},
		{name: "x-idempotency-key in the settings", settings: map[string]string{"x-idempotency-key": "k2"}},
		{name: "IDEMPOTENCY-KEY on the request", request: http.Header{"IDEMPOTENCY-KEY": {"k3"}}},
		{name: "X-Idempotency-Key on the request", request: http.Header{"X-Idempotency-Key": {"k4"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, drops := dropAfterReading(t)
			srv, count := startHTTP(t, h)
			c := newClient(t, httpclient.Settings{Headers: tt.settings})
			req := httpclient.Request{Method: http.MethodPost, URL: srv.URL, Body: []byte(`{"brightnessDelta":25}`), Header: tt.request}
			if _, err := c.Do(budget(t), req); err != nil {
				t.Fatalf("first Do: %v", err)
			}
			_, err := c.Do(budget(t), req)
			e := wantKind(t, err, httpclient.KindReset)
			if e.Attempts != 1 || drops.Load() != 1 || count.Load() != 2 {
				t.Fatalf("attempts %d, server dropped %d requests and saw %d in all; want 1, 1 and 2",
					e.Attempts, drops.Load(), count.Load())
			}
		})
	}
}

// upgrader answers every request with a final "101 Switching Protocols"
// and then holds the connection open, as a proxy that took it over for
// WebSocket would, until the client closes it (reported on closed) or
// the test lets go of it.
type upgrader struct {
	t      *testing.T
	closed chan struct{}
	mu     sync.Mutex
	conns  []net.Conn
}

func (u *upgrader) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	conn, rw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		u.t.Errorf("hijack: %v", err)
		return
	}
	defer conn.Close()
	u.mu.Lock()
	u.conns = append(u.conns, conn)
	u.mu.Unlock()
	_, _ = rw.WriteString("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n")
	if err := rw.Flush(); err != nil {
		u.t.Errorf("write 101: %v", err)
		return
	}
	// The read ends when the client closes its end, or letGo closes this one.
	_, _ = io.Copy(io.Discard, bufio.NewReader(conn))
	u.closed <- struct{}{}
}

// letGo closes the connections the upgrader holds.
func (u *upgrader) letGo() {
	u.mu.Lock()
	defer u.mu.Unlock()
	for _, c := range u.conns {
		_ = c.Close()
	}
}

// TestSwitchingProtocolsAnsweredAtOnce: a 101 answer hands the raw
// connection over as the body, which no deadline bounds; Do returns the
// status at once with no body and closes the connection, and the next
// request goes out on a new one.
func TestSwitchingProtocolsAnsweredAtOnce(t *testing.T) {
	up := &upgrader{t: t, closed: make(chan struct{}, 2)}
	srv, count := startHTTP(t, up.ServeHTTP)
	c := newClient(t, httpclient.Settings{})
	for i := range 2 {
		// The watchdog only keeps a hung Do from hanging the test run; it
		// is far longer than any answer takes.
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		type result struct {
			resp *httpclient.Response
			err  error
		}
		done := make(chan result, 1)
		go func() {
			resp, err := c.Do(ctx, httpclient.Request{Method: http.MethodPost, URL: srv.URL, Body: []byte(`{}`)})
			done <- result{resp, err}
		}()
		var got result
		select {
		case got = <-done:
		case <-ctx.Done():
			up.letGo()
			<-done
			cancel()
			t.Fatalf("request %d: Do did not return after a 101 answer, deadline or not", i+1)
		}
		cancel()
		if got.err != nil || got.resp.StatusCode != http.StatusSwitchingProtocols || len(got.resp.Body) != 0 {
			t.Fatalf("request %d: Do = %+v, %v; want status 101 with no body", i+1, got.resp, got.err)
		}
		if err := httpclient.StatusError(got.resp); httpclient.KindOf(err) != httpclient.KindStatus {
			t.Fatalf("request %d: StatusError = %v, want a status error", i+1, err)
		}
		<-up.closed // the client closed the connection it was handed
	}
	if count.Load() != 2 {
		t.Fatalf("server saw %d requests, want 2", count.Load())
	}
}

// TestKeptConnectionClosedWhileIdleIsNotUsed: when the server has closed
// a kept connection before the next request (a keep-alive timeout), the
// request goes out on a new connection and succeeds, sent once. Here the
// client hears of the close before the request, as a running process
// does; stale_internal_test.go covers a process that could not hear it.
func TestKeptConnectionClosedWhileIdleIsNotUsed(t *testing.T) {
	var conns atomic.Int32
	idle := make(chan net.Conn, 4)
	srv, count := quietServer(ok)
	srv.Config.ConnState = func(c net.Conn, s http.ConnState) {
		switch s {
		case http.StateNew:
			conns.Add(1)
		case http.StateIdle:
			idle <- c
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	c := newClient(t, httpclient.Settings{})
	post := httpclient.Request{Method: http.MethodPost, URL: srv.URL, Body: []byte(`{}`)}
	if _, err := c.Do(budget(t), post); err != nil {
		t.Fatalf("first Do: %v", err)
	}
	(<-idle).Close()
	resp, err := c.Do(budget(t), post)
	if err != nil {
		t.Fatalf("Do after the server closed the kept connection: %v", err)
	}
	if count.Load() != 2 || conns.Load() != 2 {
		t.Fatalf("server saw %d requests on %d connections (attempts %d); want 2 on 2", count.Load(), conns.Load(), resp.Attempts)
	}
}
