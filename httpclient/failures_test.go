package httpclient_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/lee-engine/lee/httpclient"
)

func TestRefusedDialIsRetriedOnce(t *testing.T) {
	logger, logs := logBuffer()
	c := newClient(t, httpclient.Settings{Logger: logger})
	_, err := c.Do(budget(t), httpclient.Request{Method: http.MethodPost, URL: "http://" + closedPort(t) + "/api", Body: []byte(`{}`)})
	e := wantKind(t, err, httpclient.KindRefused)
	if e.Attempts != 2 {
		t.Fatalf("attempts = %d, want 2", e.Attempts)
	}
	if n := strings.Count(logs.String(), "retrying once"); n != 1 {
		t.Fatalf("%d retry log lines, want 1:\n%s", n, logs)
	}
}

func TestNoRetryWithoutBudgetForADial(t *testing.T) {
	// A quarter of a one-hour dial timeout is far more than the budget left.
	c := newClient(t, httpclient.Settings{DialTimeout: time.Hour})
	_, err := c.Do(budget(t), httpclient.Request{URL: "http://" + closedPort(t) + "/"})
	if e := wantKind(t, err, httpclient.KindRefused); e.Attempts != 1 {
		t.Fatalf("attempts = %d, want 1", e.Attempts)
	}
}

func TestDNSFailure(t *testing.T) {
	dns := startDNS(t, func(string, uint16, int) (int, net.IP) { return rcodeNXDomain, nil })
	c := newClient(t, httpclient.Settings{DNSServer: dns})
	_, err := c.Do(budget(t), httpclient.Request{URL: "http://ha.lee.test.:8123/api"})
	e := wantKind(t, err, httpclient.KindDNS)
	var dnsErr *net.DNSError
	if !errors.As(err, &dnsErr) || !dnsErr.IsNotFound {
		t.Fatalf("error %v is not an NXDOMAIN DNSError", err)
	}
	if e.Attempts != 2 {
		t.Fatalf("attempts = %d, want 2", e.Attempts)
	}
}

// TestRetryReachesServerAfterRefusedDial resolves the name first to an
// address nothing listens on, then to the test server: the second attempt
// must succeed, and the server must see exactly one request.
func TestRetryReachesServerAfterRefusedDial(t *testing.T) {
	srv, count := startHTTP(t, ok)
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	dns := startDNS(t, func(_ string, qtype uint16, aQueries int) (int, net.IP) {
		if qtype != dnsTypeA {
			return rcodeOK, nil
		}
		if aQueries == 1 {
			return rcodeOK, net.IPv4(127, 0, 0, 2)
		}
		return rcodeOK, net.IPv4(127, 0, 0, 1)
	})
	c := newClient(t, httpclient.Settings{DNSServer: dns})
	resp, err := c.Do(budget(t), httpclient.Request{Method: http.MethodPost, URL: "http://ha.lee.test.:" + port + "/", Body: []byte(`{}`)})
	if err != nil {
		t.Fatalf("Do: %v", err)
	}
	if resp.Attempts != 2 || count.Load() != 1 {
		t.Fatalf("attempts %d, server saw %d requests; want 2 and 1", resp.Attempts, count.Load())
	}
}

// hijackAndClose answers with a head promising 100 bytes, sends half (or
// nothing), and closes the connection; reset makes the close an RST.
func hijackAndClose(t *testing.T, half, reset bool) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		conn, rw, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Errorf("hijack: %v", err)
			return
		}
		defer conn.Close()
		if half {
			_, _ = rw.WriteString("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n" + strings.Repeat("x", 50))
			_ = rw.Flush()
		}
		if tcp, ok := conn.(*net.TCPConn); ok && reset {
			_ = tcp.SetLinger(0)
		}
	}
}

func TestBrokenConnectionIsNeverRetried(t *testing.T) {
	tests := []struct {
		name        string
		half, reset bool
		wantStatus  int
	}{
		{"closed mid-body", true, false, http.StatusOK},
		{"reset mid-body", true, true, 0},
		{"closed before answering", false, false, 0},
		{"reset before answering", false, true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, count := startHTTP(t, hijackAndClose(t, tt.half, tt.reset))
			c := newClient(t, httpclient.Settings{})
			_, err := c.Do(budget(t), httpclient.Request{Method: http.MethodPost, URL: srv.URL, Body: []byte(`{"brightness":25}`)})
			e := wantKind(t, err, httpclient.KindReset)
			if e.Attempts != 1 || count.Load() != 1 {
				t.Fatalf("attempts %d, server saw %d requests; want 1 and 1", e.Attempts, count.Load())
			}
			if tt.wantStatus != 0 && e.Status != tt.wantStatus {
				t.Fatalf("status = %d, want %d", e.Status, tt.wantStatus)
			}
		})
	}
}

func TestBudget(t *testing.T) {
	tests := []struct {
		name string
		// stop ends the budget once the server holds the request.
		stop func(cancel context.CancelFunc)
		ctx  func() (context.Context, context.CancelFunc)
		want httpclient.Kind
	}{
		{
			name: "deadline exceeded",
			stop: func(context.CancelFunc) {},
			ctx: func() (context.Context, context.CancelFunc) {
				return context.WithTimeout(context.Background(), 50*time.Millisecond)
			},
			want: httpclient.KindTimeout,
		},
		{
			name: "canceled by the caller",
			stop: func(cancel context.CancelFunc) { cancel() },
			ctx:  func() (context.Context, context.CancelFunc) { return context.WithCancel(context.Background()) },
			want: httpclient.KindCanceled,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			held := make(chan struct{}, 1)
			release := make(chan struct{})
			srv, _ := startHTTP(t, func(_ http.ResponseWriter, r *http.Request) {
				held <- struct{}{}
				select {
				case <-r.Context().Done():
				case <-release:
				}
			})
			defer close(release)
			ctx, cancel := tt.ctx()
			stopped := make(chan struct{})
			go func() {
				defer close(stopped)
				select {
				case <-held:
					tt.stop(cancel)
				case <-ctx.Done():
				}
			}()
			defer func() {
				cancel()
				<-stopped
			}()
			c := newClient(t, httpclient.Settings{})
			_, err := c.Do(ctx, httpclient.Request{Method: http.MethodPost, URL: srv.URL, Body: []byte(`{}`)})
			if e := wantKind(t, err, tt.want); e.Attempts != 1 {
				t.Fatalf("attempts = %d, want 1", e.Attempts)
			}
		})
	}
}

func TestErrorsHideSecrets(t *testing.T) {
	const token, headerValue, query, password = "tok-SECRET-1", "cf-SECRET-2", "q-SECRET-3", "pw-SECRET-4"
	srv, _ := startHTTP(t, hijackAndClose(t, true, false))
	c := newClient(t, httpclient.Settings{Headers: map[string]string{"CF-Access-Client-Secret": headerValue}})
	urls := map[string]string{
		"reset":   srv.URL,
		"refused": "http://" + closedPort(t),
	}
	for name, base := range urls {
		t.Run(name, func(t *testing.T) {
			u := strings.Replace(base, "http://", "http://user:"+password+"@", 1) + "/api?api_password=" + query
			_, err := c.Do(budget(t), httpclient.Request{
				Method: http.MethodPost, URL: u, BearerToken: token,
				Header: http.Header{"X-Extra": {"x-SECRET-5"}},
			})
			if err == nil {
				t.Fatal("Do succeeded")
			}
			text := err.Error() + fmt.Sprintf(" %+v", err)
			for _, secret := range []string{token, headerValue, query, password, "x-SECRET-5", "SECRET"} {
				if strings.Contains(text, secret) {
					t.Fatalf("error text shows %q: %s", secret, text)
				}
			}
			if !strings.Contains(text, "/api") {
				t.Fatalf("error text lost the path: %s", text)
			}
		})
	}
}

func TestErrorTextMasksASecretTheCauseRepeats(t *testing.T) {
	// A header value that happens to occur in the cause's own text.
	c := newClient(t, httpclient.Settings{Headers: map[string]string{"X-Key": "connection refused"}})
	_, err := c.Do(budget(t), httpclient.Request{URL: "http://" + closedPort(t)})
	wantKind(t, err, httpclient.KindRefused)
	if strings.Contains(err.Error(), "connection refused") || !strings.Contains(err.Error(), "[redacted]") {
		t.Fatalf("secret not masked: %v", err)
	}
	var buf bytes.Buffer
	for e := errors.Unwrap(err); e != nil; e = errors.Unwrap(e) {
		buf.WriteString(e.Error())
	}
	if strings.Contains(buf.String(), "connection refused") {
		t.Fatalf("the wrapped chain still shows the secret: %s", buf.String())
	}
}
