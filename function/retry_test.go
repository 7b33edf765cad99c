package main

import (
	"strings"
	"testing"
	"time"

	"github.com/lee-engine/lee/gateway"
)

// retryMessage is the start of the warning the HTTP client logs when it
// tries a second connection.
const retryMessage = "httpclient: no connection, retrying once"

// TestRetryOnlyWithoutConnection: a request is tried a second time only
// when no connection could be made and enough budget remains; once the
// request may have reached Home Assistant it is never sent again, since a
// directive applied twice ("brightness +25") is a bug.
func TestRetryOnlyWithoutConnection(t *testing.T) {
	tests := []struct {
		name      string
		refused   bool
		timeout   time.Duration
		wantRetry bool
		wantCalls int
	}{
		{name: "refused with budget left", refused: true, timeout: 7 * time.Second, wantRetry: true},
		{name: "refused with too little budget", refused: true, timeout: 400 * time.Millisecond},
		{name: "reset after the request was sent", timeout: 7 * time.Second, wantCalls: 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var cfg *gateway.Configuration
			requests := func() int { return 0 }
			if tc.refused {
				cfg = baseConfig(closedURL(t))
			} else {
				ha := startHA(t, resetConnection)
				cfg, requests = baseConfig(ha.URL()), func() int { return len(ha.requests()) }
			}
			cfg.Timeout = tc.timeout
			f := newFixture(t, cfg)
			event := fixtureFile(t, turnOnRequest)

			checkErrorAnswer(t, event, f.mustInvoke(t, event), wantError{"Alexa", bridge, ""})

			retries := 0
			for _, l := range outputLines(t, f.out.take()) {
				if msg, _ := l["msg"].(string); strings.HasPrefix(msg, retryMessage) {
					retries++
					if l["requestId"] != testRequestID {
						t.Errorf("retry line %v; want the invocation's requestId", l)
					}
				}
			}
			if want := map[bool]int{true: 1, false: 0}[tc.wantRetry]; retries != want {
				t.Errorf("%d retry warnings; want %d", retries, want)
			}
			if n := requests(); n != tc.wantCalls {
				t.Errorf("Home Assistant received %d requests; want %d", n, tc.wantCalls)
			}
		})
	}
}
