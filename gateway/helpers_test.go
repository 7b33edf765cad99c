package gateway

import (
	"bytes"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lee-engine/lee/config"
)

// testToken is the configured fallback token (HA_TOKEN) of testConfig.
const testToken = "fallback-token-5f1d2c9a"

// testConfig is a complete configuration as config.Load would give it.
func testConfig(haURL string) *config.Config {
	return &config.Config{
		HAURL:          haURL,
		Token:          testToken,
		VerifyTLS:      true,
		Timeout:        config.DefaultTimeout,
		Tier:           config.TierStandard,
		LogLevel:       "info",
		MetricsEnabled: true,
	}
}

// syncBuffer is the Gateway's standard output in tests: logs and metrics
// may be written from several goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// lines decodes every JSON line written so far.
func (b *syncBuffer) lines(tb testing.TB) []map[string]any {
	tb.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			tb.Fatalf("output line is not JSON: %v: %s", err, line)
		}
		out = append(out, m)
	}
	return out
}

// emfLines returns the Embedded Metric Format lines written so far.
func (b *syncBuffer) emfLines(tb testing.TB) []map[string]any {
	tb.Helper()
	var out []map[string]any
	for _, m := range b.lines(tb) {
		if _, ok := m["_aws"]; ok {
			out = append(out, m)
		}
	}
	return out
}

// newTestGateway returns a Gateway over cfg writing to a fresh buffer.
func newTestGateway(tb testing.TB, cfg *config.Config) (*Gateway, *syncBuffer) {
	tb.Helper()
	out := &syncBuffer{}
	g, err := New(cfg, Options{Stdout: out, FunctionName: "lee-test"})
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	tb.Cleanup(g.Close)
	return g, out
}

// localURL is a Home Assistant URL nothing listens on; tests that use it
// never send a request.
const localURL = "http://127.0.0.1:8123"

// shortDeadline bounds the requests of tests that expect a timeout.
const shortDeadline = 200 * time.Millisecond
