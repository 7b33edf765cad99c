package gateway

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lee-engine/lee/cache"
	"github.com/lee-engine/lee/config"
)

// testParameter is the HA_TOKEN_PARAMETER of these tests.
const testParameter = "/lee/ha-token"

// fakeSSM is Parameter Store for tests: the parameter's current value, or
// a failure; it counts calls.
type fakeSSM struct {
	mu    sync.Mutex
	value string
	err   error
	calls atomic.Int32
}

func (f *fakeSSM) GetParameter(_ context.Context, name string) (string, error) {
	f.calls.Add(1)
	if name != testParameter {
		return "", fmt.Errorf("fakeSSM: parameter %q: %w", name, config.ErrParameterNotFound)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.value, f.err
}

func (f *fakeSSM) rotate(v string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.value = v
}

// clock is a hand-moved time source for the cache.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func TestTokenSources(t *testing.T) {
	outage := errors.New("simulated Parameter Store outage")
	tests := []struct {
		name      string
		event     string
		token     string // HA_TOKEN
		parameter string // HA_TOKEN_PARAMETER
		ssm       *fakeSSM
		want      string
		wantErr   bool
	}{
		{name: "the directive's own", event: turnOnDirective, token: testToken, want: directiveToken},
		{name: "HA_TOKEN when the directive has none", event: strings.Replace(turnOnDirective, directiveToken, "", 1), token: testToken, want: testToken},
		{name: "nothing anywhere", event: strings.Replace(turnOnDirective, directiveToken, "", 1), want: ""},
		{name: "the parameter", event: `{"warmup":true}`, parameter: testParameter, ssm: &fakeSSM{value: "ssm-token-1"}, want: "ssm-token-1"},
		{name: "the parameter wins over HA_TOKEN", event: `{"warmup":true}`, token: testToken, parameter: testParameter, ssm: &fakeSSM{value: "ssm-token-1"}, want: "ssm-token-1"},
		{name: "HA_TOKEN stands in for an outage", event: `{"warmup":true}`, token: testToken, parameter: testParameter, ssm: &fakeSSM{err: outage}, want: testToken},
		{name: "an outage alone", event: `{"warmup":true}`, parameter: testParameter, ssm: &fakeSSM{err: outage}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig(localURL)
			cfg.Token, cfg.TokenParameter = tt.token, tt.parameter
			opts := Options{Stdout: &syncBuffer{}}
			if tt.ssm != nil {
				opts.NewParameterClient = func(context.Context) (ParameterClient, error) { return tt.ssm, nil }
			}
			g, err := New(cfg, opts)
			if err != nil {
				t.Fatal(err)
			}
			var got string
			var gotErr error
			tbl, err := NewTable(
				Row{Name: "warm-up", Kind: KindWarmup, Handle: func(ctx context.Context, req *Request) ([]byte, error) {
					got, gotErr = g.Token(ctx, req)
					return nil, nil
				}},
				Row{Name: "relay", Kind: KindSmartHome, Token: TokenEndpointScope, Handle: func(ctx context.Context, req *Request) ([]byte, error) {
					got, gotErr = g.Token(ctx, req)
					return nil, nil
				}},
			)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := g.Invoke(context.Background(), tbl, []byte(tt.event)); err != nil {
				t.Fatal(err)
			}
			if got != tt.want || (gotErr != nil) != tt.wantErr {
				t.Fatalf("Token = %q, %v; want %q, error %v", got, gotErr, tt.want, tt.wantErr)
			}
			if gotErr != nil && !errors.Is(gotErr, outage) {
				t.Errorf("error %v does not wrap the cause", gotErr)
			}
		})
	}
}

// TestTokenParameterRotation: the token read from Parameter Store is kept
// in the cache for the tier's SecretTTL. Within it no second SSM call is
// made; past it the rotated token is used, without a cold start.
func TestTokenParameterRotation(t *testing.T) {
	ha := startFakeHA(t, http.StatusOK, turnOnAnswer)
	ssm := &fakeSSM{value: "ssm-token-before"}
	clk := &clock{now: time.Unix(1_800_000_000, 0)}
	ttl := config.TierStandard.Settings().SecretTTL
	store, err := cache.New(cache.Settings{MaxEntries: 8, DefaultTTL: ttl, Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	cfg := testConfig(ha.URL)
	cfg.Token, cfg.TokenParameter = "", testParameter
	g, err := New(cfg, Options{
		Stdout:             &syncBuffer{},
		NewParameterClient: func(context.Context) (ParameterClient, error) { return ssm, nil },
		Cores:              Cores{Cache: store},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(g.Close)
	tbl := relayTable(t, g)
	noToken := strings.Replace(turnOnDirective, directiveToken, "", 1)
	steps := []struct {
		advance   time.Duration
		rotate    string
		wantToken string
		wantCalls int32
	}{
		{0, "", "ssm-token-before", 1},
		{ttl / 2, "ssm-token-after", "ssm-token-before", 1}, // rotated, but the cached value is still fresh
		{ttl/2 - time.Second, "", "ssm-token-before", 1},
		{2 * time.Second, "", "ssm-token-after", 2}, // past the TTL: read again
		{time.Second, "", "ssm-token-after", 2},
	}
	for i, s := range steps {
		clk.advance(s.advance)
		if s.rotate != "" {
			ssm.rotate(s.rotate)
		}
		if _, err := g.Invoke(context.Background(), tbl, []byte(noToken)); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		reqs := ha.received()
		if got := reqs[len(reqs)-1].auth; got != "Bearer "+s.wantToken || ssm.calls.Load() != s.wantCalls {
			t.Fatalf("step %d: Home Assistant saw %q after %d SSM calls; want %q after %d", i, got, ssm.calls.Load(), s.wantToken, s.wantCalls)
		}
	}
}
