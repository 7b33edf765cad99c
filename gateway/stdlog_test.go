package gateway

import (
	"context"
	"log"
	"os"
	"strings"
	"testing"
)

// TestRouteStandardLog: lines of the log package become JSON lines of
// the gateway's logger at WARN, redacted like any other; the bytes that
// net/http quotes after a server's answer are not logged at all.
func TestRouteStandardLog(t *testing.T) {
	const headerSecret = "cf-access-secret-71c4"
	const echoed = "echoed-scope-token-0d93"
	cfg := testConfig(localURL)
	cfg.Headers = map[string]string{"CF-Access-Client-Secret": headerSecret}
	g, out := newTestGateway(t, cfg)
	flags, prefix, w := log.Flags(), log.Prefix(), log.Writer()
	t.Cleanup(func() {
		log.SetFlags(flags)
		log.SetPrefix(prefix)
		log.SetOutput(w)
	})
	g.BeginInvocation(context.Background(), "req-std")
	g.RouteStandardLog()
	// net/http's own format, with what a proxy echoing the request sends.
	log.Printf("Unsolicited response received on idle HTTP channel starting with %q; err=%v",
		"HTTP/1.1 200 OK\r\nAuthorization: Bearer "+sampleToken+"\r\nCf-Access-Client-Secret: "+headerSecret+"\r\n\r\n{\"token\":\""+echoed+"\"}", nil)
	log.Print("runtime API client failed with " + testToken)
	lines := out.lines(t)
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2:\n%s", len(lines), out)
	}
	for i, l := range lines {
		if l["level"] != "WARN" || l["logger"] != "log" || l["requestId"] != "req-std" {
			t.Errorf("line %d = %v; want WARN from the log package with the request id", i+1, l)
		}
	}
	if msg, _ := lines[0]["msg"].(string); !strings.Contains(msg, "Unsolicited response") || strings.Contains(msg, "HTTP/1.1") {
		t.Errorf("net/http's line = %q; want its news without the bytes", msg)
	}
	if msg, _ := lines[1]["msg"].(string); !strings.HasPrefix(msg, "runtime API client failed with [REDACTED]") {
		t.Errorf("other line = %q; want it whole, redacted", msg)
	}
	for _, secret := range []string{sampleToken, headerSecret, echoed, testToken} {
		if strings.Contains(out.String(), secret) {
			t.Errorf("a secret reached the log: %s", out)
		}
	}
	if log.Writer() == os.Stderr {
		t.Error("the log package still writes to standard error")
	}
}
