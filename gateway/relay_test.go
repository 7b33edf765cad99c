package gateway

import (
	"context"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lee-engine/lee/config"
)

// countingServer answers every request with status and counts them.
func countingServer(t *testing.T, status int, body []byte) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		n.Add(1)
		w.WriteHeader(status)
		_, _ = w.Write(body)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

// invoked runs fn inside an invocation of g, as a row's handler would, and
// returns what the invocation wrote when it ended.
func invoked(t *testing.T, g *Gateway, out *syncBuffer, fn func(ctx context.Context)) {
	t.Helper()
	tbl, err := NewTable(Row{Name: "warm-up", Kind: KindWarmup, Handle: func(ctx context.Context, _ *Request) ([]byte, error) {
		fn(ctx)
		return []byte(`{}`), nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := g.Invoke(context.Background(), tbl, []byte(`{"warmup":true}`)); err != nil {
		t.Fatal(err)
	}
}

func TestCallHomeAssistantRelays(t *testing.T) {
	type request struct {
		method, path, auth, agent, extra string
		body                             []byte
	}
	requests := make(chan request, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		requests <- request{r.Method, r.URL.Path, r.Header.Get("Authorization"), r.Header.Get("User-Agent"),
			r.Header.Get("CF-Access-Client-Id"), body}
		_, _ = io.WriteString(w, turnOnAnswer)
	}))
	defer srv.Close()
	cfg := testConfig(srv.URL + "/")
	cfg.Headers = map[string]string{"CF-Access-Client-Id": "client-id-value"}
	g, out := newTestGateway(t, cfg)
	invoked(t, g, out, func(ctx context.Context) {
		res, err := g.CallHomeAssistant(ctx, SmartHomePath, directiveToken, []byte(turnOnDirective))
		if err != nil {
			t.Fatal(err)
		}
		if res.Status != http.StatusOK || string(res.Body) != turnOnAnswer || res.Attempts != 1 || res.Latency <= 0 {
			t.Errorf("result %v; want HA's 200 answer in one attempt", res)
		}
	})
	seen := <-requests
	if seen.method != http.MethodPost || seen.path != SmartHomePath || seen.auth != "Bearer "+directiveToken ||
		seen.agent != "LEE/"+Version || seen.extra != "client-id-value" || string(seen.body) != turnOnDirective {
		t.Errorf("Home Assistant saw %+v; want a POST of the directive with the token and headers", seen)
	}
	if lines := out.emfLines(t); len(lines) != 1 || lines[0][MetricHALatency] == nil {
		t.Errorf("EMF lines %v; want HALatency recorded", lines)
	}
	if s := g.Stats(); !s.Interfaces[5].Constructed || !s.Interfaces[9].Constructed {
		t.Errorf("stats %s; want httpclient and circuitbreaker built", s.JSON())
	}
}

// TestCallHomeAssistantBreaker: 5xx answers open the breaker at the tier's
// threshold; then calls fail fast without reaching Home Assistant.
func TestCallHomeAssistantBreaker(t *testing.T) {
	srv, served := countingServer(t, http.StatusInternalServerError, []byte("oops"))
	g, out := newTestGateway(t, testConfig(srv.URL))
	threshold := int(config.TierStandard.Settings().BreakerFailureThreshold)
	invoked(t, g, out, func(ctx context.Context) {
		for n := 1; n <= threshold; n++ {
			res, err := g.CallHomeAssistant(ctx, SmartHomePath, directiveToken, nil)
			if err != nil || res.Status != http.StatusInternalServerError || string(res.Body) != "oops" {
				t.Fatalf("call %d: %v, %v; want the 500 answer itself", n, res, err)
			}
		}
		if got := breakerState(t, g); got != "OPEN" {
			t.Fatalf("breaker %s after %d 5xx answers; want OPEN", got, threshold)
		}
		for range 3 {
			res, err := g.CallHomeAssistant(ctx, SmartHomePath, directiveToken, nil)
			var he *HAError
			if res != nil || !errors.As(err, &he) || !he.BreakerOpen || !errors.Is(err, ErrBreakerOpen) {
				t.Fatalf("call with the breaker open: %v, %v; want an *HAError with BreakerOpen", res, err)
			}
		}
	})
	if got := served.Load(); got != int64(threshold) {
		t.Errorf("Home Assistant served %d requests; want %d (none once the breaker opened)", got, threshold)
	}
	lines := out.emfLines(t)
	if len(lines) != 1 || lines[0][MetricBreakerOpen] != 3.0 {
		t.Errorf("EMF lines %v; want BreakerOpen=3", lines)
	}
	if !strings.Contains(out.String(), `"to":"OPEN"`) {
		t.Errorf("no log line about the breaker opening in %s", out.String())
	}
}

// TestCallHomeAssistantNotFailures: answers and errors that are not Home
// Assistant's fault never open the breaker.
func TestCallHomeAssistantNotFailures(t *testing.T) {
	tests := []struct {
		name   string
		status int
		ctx    func() context.Context
		token  string
		check  func(t *testing.T, res *HAResult, err error)
	}{
		{name: "404", status: http.StatusNotFound, check: func(t *testing.T, res *HAResult, err error) {
			if err != nil || res.Status != http.StatusNotFound {
				t.Fatalf("%v, %v; want the 404 answer", res, err)
			}
		}},
		{name: "401", status: http.StatusUnauthorized, check: func(t *testing.T, res *HAResult, err error) {
			if err != nil || res.Status != http.StatusUnauthorized {
				t.Fatalf("%v, %v; want the 401 answer", res, err)
			}
		}},
		{name: "canceled", status: http.StatusOK, ctx: func() context.Context {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			return ctx
		}, check: func(t *testing.T, _ *HAResult, err error) {
			var he *HAError
			if !errors.As(err, &he) || he.Kind != HTTPCanceled {
				t.Fatalf("%v; want an *HAError of kind canceled", err)
			}
		}},
		{name: "bad token", status: http.StatusOK, token: "two words", check: func(t *testing.T, _ *HAResult, err error) {
			var he *HAError
			if !errors.Is(err, ErrBadToken) || errors.As(err, &he) || strings.Contains(err.Error(), "two words") {
				t.Fatalf("%v; want ErrBadToken, not an *HAError, without the token", err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, served := countingServer(t, tt.status, nil)
			g, _ := newTestGateway(t, testConfig(srv.URL))
			calls := 3 * int(config.TierStandard.Settings().BreakerFailureThreshold)
			for range calls {
				ctx, tok := context.Background(), directiveToken
				if tt.ctx != nil {
					ctx = tt.ctx()
				}
				if tt.token != "" {
					tok = tt.token
				}
				res, err := g.CallHomeAssistant(ctx, SmartHomePath, tok, nil)
				tt.check(t, res, err)
			}
			if got := breakerState(t, g); got != "CLOSED" {
				t.Errorf("breaker %s after %d calls; want CLOSED", got, calls)
			}
			if tt.ctx == nil && tt.token == "" && served.Load() != int64(calls) {
				t.Errorf("Home Assistant served %d of %d requests", served.Load(), calls)
			}
		})
	}
}

// TestCallHomeAssistantTransportKinds: a request that gets no answer is an
// *HAError whose Kind says why, and counts against the breaker.
func TestCallHomeAssistantTransportKinds(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, cfg *config.Config)
		want  HTTPErrorKind
	}{
		{"refused", func(t *testing.T, cfg *config.Config) { cfg.HAURL = "http://" + closedPort(t) }, HTTPRefused},
		{"dns", func(t *testing.T, cfg *config.Config) {
			cfg.DNSServer = startNXDomain(t)
			cfg.HAURL = "http://homeassistant.lee-test.invalid:8123"
		}, HTTPDNS},
		{"tls", func(t *testing.T, cfg *config.Config) {
			srv := httptest.NewUnstartedServer(http.NotFoundHandler())
			srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshakes are expected
			srv.StartTLS()                                   // with a certificate nobody trusts
			t.Cleanup(srv.Close)
			cfg.HAURL = srv.URL
		}, HTTPTLS},
		{"reset", func(t *testing.T, cfg *config.Config) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				conn, _, err := w.(http.Hijacker).Hijack()
				if err == nil {
					conn.Close()
				}
			}))
			t.Cleanup(srv.Close)
			cfg.HAURL = srv.URL
		}, HTTPReset},
		{"timeout", func(t *testing.T, cfg *config.Config) {
			srv := httptest.NewServer(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
				<-r.Context().Done() // answers only when the client gives up
			}))
			t.Cleanup(srv.Close)
			cfg.HAURL = srv.URL
		}, HTTPTimeout},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig(localURL)
			cfg.Tier = config.TierMinimum
			tt.setup(t, cfg)
			g, _ := newTestGateway(t, cfg)
			threshold := int(cfg.Tier.Settings().BreakerFailureThreshold)
			for n := 1; n <= threshold; n++ {
				// Only the timeout case waits for its deadline; the others fail
				// on their own long before a generous one on a loaded machine.
				deadline := 10 * time.Second
				if tt.want == HTTPTimeout {
					deadline = shortDeadline
				}
				ctx, cancel := context.WithTimeout(context.Background(), deadline)
				res, err := g.CallHomeAssistant(ctx, SmartHomePath, directiveToken, nil)
				cancel()
				var he *HAError
				if res != nil || !errors.As(err, &he) || he.Kind != tt.want || he.BreakerOpen {
					t.Fatalf("call %d: %v, %v; want an *HAError of kind %s", n, res, err, tt.want)
				}
				if strings.Contains(err.Error(), directiveToken) {
					t.Fatalf("error shows the token: %v", err)
				}
			}
			_, err := g.CallHomeAssistant(context.Background(), SmartHomePath, directiveToken, nil)
			var he *HAError
			if !errors.As(err, &he) || !he.BreakerOpen {
				t.Errorf("after %d %s failures: %v; want the breaker open", threshold, tt.want, err)
			}
		})
	}
}

func TestCallHomeAssistantBadPath(t *testing.T) {
	g, _ := newTestGateway(t, testConfig(localURL))
	_, err := g.CallHomeAssistant(context.Background(), "/api/states", directiveToken, nil)
	if err == nil || !strings.Contains(err.Error(), "/api/states") || g.Stats().Interfaces[5].Constructed {
		t.Errorf("error %v; want a refusal before any client is built", err)
	}
}

// breakerState builds nothing new: it reads the breaker core's state.
func breakerState(t *testing.T, g *Gateway) string {
	t.Helper()
	b, err := g.breakerCore()
	if err != nil {
		t.Fatal(err)
	}
	return b.State().String()
}

// closedPort returns a loopback address nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// TestCallHomeAssistantCutBudget: a request that runs out of a budget the
// Lambda deadline cut short (Budget) is not counted against the breaker,
// however often; a failure of Home Assistant within such a budget still is,
// and so is running out of a budget HA_TIMEOUT set.
func TestCallHomeAssistantCutBudget(t *testing.T) {
	stall := func(t *testing.T) string {
		srv := httptest.NewServer(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
			<-r.Context().Done() // answers only when the client gives up
		}))
		t.Cleanup(srv.Close)
		return srv.URL
	}
	tests := []struct {
		name string
		url  func(t *testing.T) string
		want string
	}{
		{"stall past the cut budget", stall, "CLOSED"},
		{"refused within the cut budget", func(t *testing.T) string { return "http://" + closedPort(t) }, "OPEN"},
		{"stall past HA_TIMEOUT", stall, "OPEN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig(tt.url(t))
			cfg.Tier = config.TierMinimum
			lambdaDeadline := DeadlineMargin + shortDeadline // leaves a budget of shortDeadline
			if strings.Contains(tt.name, "HA_TIMEOUT") {
				cfg.Timeout, lambdaDeadline = shortDeadline, time.Minute
			}
			g, _ := newTestGateway(t, cfg)
			calls := 3 * int(cfg.Tier.Settings().BreakerFailureThreshold)
			for n := 1; n <= calls && breakerState(t, g) == "CLOSED"; n++ {
				parent, stop := context.WithTimeout(context.Background(), lambdaDeadline)
				ctx, cancel, ok := g.Budget(parent)
				if !ok {
					t.Fatal("no budget left")
				}
				_, err := g.CallHomeAssistant(ctx, SmartHomePath, directiveToken, nil)
				cancel()
				stop()
				var he *HAError
				if !errors.As(err, &he) || he.BreakerOpen {
					t.Fatalf("call %d: %v; want an *HAError from the transport", n, err)
				}
			}
			if got := breakerState(t, g); got != tt.want {
				t.Errorf("breaker %s, want %s", got, tt.want)
			}
		})
	}
}
