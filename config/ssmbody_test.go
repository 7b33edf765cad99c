package config

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestSSMSwitchingProtocols: an endpoint that answers "101 Switching
// Protocols" and then holds the connection (net/http hands the raw
// connection over as the body, beyond any deadline) gets a prompt error,
// not a hang, and the connection is closed.
func TestSSMSwitchingProtocols(t *testing.T) {
	var mu sync.Mutex
	var held []net.Conn
	closed := make(chan struct{}, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		conn, rw, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Errorf("hijack: %v", err)
			return
		}
		defer conn.Close()
		mu.Lock()
		held = append(held, conn)
		mu.Unlock()
		_, _ = rw.WriteString("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n")
		_ = rw.Flush()
		_, _ = io.Copy(io.Discard, bufio.NewReader(conn))
		closed <- struct{}{}
	}))
	t.Cleanup(srv.Close)
	letGo := func() {
		mu.Lock()
		defer mu.Unlock()
		for _, c := range held {
			_ = c.Close()
		}
	}
	c := newTestClient(t, ssmEnv(srv.URL))
	// The watchdog only keeps a hung call from hanging the test run.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, err := c.GetParameter(ctx, testParamKey)
		done <- err
	}()
	var err error
	select {
	case err = <-done:
	case <-ctx.Done():
		letGo()
		<-done
		t.Fatal("GetParameter did not return after a 101 answer")
	}
	if err == nil || !strings.Contains(err.Error(), "HTTP 101") || errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("GetParameter = %v; want a prompt error naming HTTP 101", err)
	}
	<-closed // the client closed the connection it was handed
}

// TestSSMAnswerReadEndsWithTheContext: a body that stops delivering is
// closed when the context ends, and the read returns.
func TestSSMAnswerReadEndsWithTheContext(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := readAnswer(ctx, pr)
		done <- err
	}()
	if _, err := pw.Write([]byte(`{"Parameter":`)); err != nil { // the reader is running
		t.Fatal(err)
	}
	cancel()
	if err := <-done; !errors.Is(err, io.ErrClosedPipe) {
		t.Fatalf("readAnswer after the context ended = %v, want the closed body's error", err)
	}
}
