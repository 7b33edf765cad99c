package reliability

import (
	"context"
	"errors"
	"net"
	"net/http"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/lee-engine/lee/tools/harness"
	"github.com/lee-engine/lee/tools/hasim"
)

// idleClose is the keep-alive timeout of idleSim's server: it closes a
// kept connection idle that long, as Apache httpd, Node and many proxies
// do after 5 s.
const idleClose = 500 * time.Millisecond

// idleSim is a simulator behind an HTTP server that closes idle kept-alive
// connections after idleClose, and tells how many connections it has open.
type idleSim struct {
	*hasim.Server
	url string

	mu      sync.Mutex
	open    int
	changed chan struct{} // closed and replaced when open moves
}

// startIdleSim starts an idleSim on 127.0.0.1, closed when the test ends.
func startIdleSim(t *testing.T) *idleSim {
	t.Helper()
	s := &idleSim{
		Server:  hasim.New(hasim.Settings{Tokens: []string{directiveToken, fallbackToken, ssmToken}}),
		changed: make(chan struct{}),
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.url = "http://" + ln.Addr().String()
	srv := &http.Server{
		Handler:           s.Server,
		IdleTimeout:       idleClose,
		ReadHeaderTimeout: 10 * time.Second,
		ConnState:         s.track,
	}
	served := make(chan struct{})
	go func() {
		defer close(served)
		_ = srv.Serve(ln)
	}()
	t.Cleanup(func() {
		_ = srv.Close()
		<-served
		if err := s.Server.Close(); err != nil {
			t.Errorf("close simulator: %v", err)
		}
	})
	return s
}

// track counts the server's open connections.
func (s *idleSim) track(_ net.Conn, state http.ConnState) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch state {
	case http.StateNew:
		s.open++
	case http.StateClosed, http.StateHijacked:
		s.open--
	default:
		return
	}
	close(s.changed)
	s.changed = make(chan struct{})
}

// waitNoConns blocks until the server has no connection open: it has
// closed every kept one of an idle client.
func (s *idleSim) waitNoConns(ctx context.Context) error {
	for {
		s.mu.Lock()
		open, ch := s.open, s.changed
		s.mu.Unlock()
		if open == 0 {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return errors.New("the server still holds a connection: " + ctx.Err().Error())
		}
	}
}

// waitCtx bounds one wait of the freeze tests: far longer than any of
// them takes, so that only a hang reaches it.
func waitCtx(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// freeze stops the function process with SIGSTOP once it waits for its
// next event, lets the server close the kept connection while it is
// stopped, and resumes it with SIGCONT once event number n has been
// delivered to it: the thaw of a Lambda sandbox, which finds the server's
// close and the new event waiting together. The caller then invokes the
// event; the returned function waits for the resume and must be called
// after that invocation.
func freeze(t *testing.T, rt *harness.Runtime, sim *idleSim, n int) (resumed func()) {
	t.Helper()
	ctx := waitCtx(t)
	if err := rt.WaitForNext(ctx); err != nil {
		t.Fatal(err)
	}
	pid := rt.PID()
	if err := syscall.Kill(pid, syscall.SIGSTOP); err != nil {
		t.Fatalf("SIGSTOP: %v", err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		// Resumed in every case, so that a failed wait cannot leave the
		// process stopped.
		defer func() { _ = syscall.Kill(pid, syscall.SIGCONT) }()
		_ = rt.WaitDelivered(ctx, n)
	}()
	if err := sim.waitNoConns(ctx); err != nil {
		t.Errorf("while the function was stopped: %v", err)
	}
	return func() { <-done }
}
