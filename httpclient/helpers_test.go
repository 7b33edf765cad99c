package httpclient_test

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lee-engine/lee/httpclient"
)

// newClient makes a client whose kept connections are closed when the
// test ends, so goleak sees no transport goroutine. Its log lines are
// dropped unless the test gives a logger.
func newClient(t *testing.T, s httpclient.Settings) *httpclient.Client {
	t.Helper()
	if s.Logger == nil {
		s.Logger = slog.New(slog.DiscardHandler)
	}
	c, err := httpclient.New(s)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(c.CloseIdleConnections)
	return c
}

// budget returns a context with a generous deadline: long enough never to
// matter, short enough that a hung test fails instead of hanging.
func budget(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// quietServer returns an unstarted test server whose handshake-failure
// log lines are dropped, counting the requests its handler receives.
func quietServer(h http.HandlerFunc) (*httptest.Server, *atomic.Int32) {
	var count atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		count.Add(1)
		h(w, r)
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	return srv, &count
}

// startHTTP starts a plain HTTP test server on 127.0.0.1.
func startHTTP(t *testing.T, h http.HandlerFunc) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	srv, count := quietServer(h)
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, count
}

// startTLS starts an HTTPS test server on 127.0.0.1 with conf.
func startTLS(t *testing.T, conf *tls.Config, h http.HandlerFunc) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	srv, count := quietServer(h)
	srv.TLS = conf
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return srv, count
}

func ok(w http.ResponseWriter, _ *http.Request) {
	_, _ = io.WriteString(w, `{"ok":true}`)
}

// closedPort returns a loopback address nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// wantKind checks that err is an *Error of kind.
func wantKind(t *testing.T, err error, kind httpclient.Kind) *httpclient.Error {
	t.Helper()
	var e *httpclient.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not an *httpclient.Error", err, err)
	}
	if e.Kind != kind || httpclient.KindOf(err) != kind {
		t.Fatalf("kind = %s, want %s (error: %v)", e.Kind, kind, err)
	}
	return e
}

// logBuffer returns a logger writing text lines into a buffer.
func logBuffer() (*slog.Logger, *bytes.Buffer) {
	var buf bytes.Buffer
	return slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})), &buf
}
