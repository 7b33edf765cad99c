package gateway

import (
	"context"
	"log"
	"os"
	"strings"
	"testing"
)

// TestRouteStandardLog: lines of the log package become JSON lines of
// the gateway's logger at WARN, outside any invocation (net/http writes
// them from its own goroutines) and redacted with the secrets of every
// invocation in progress; the bytes that net/http quotes after a server's
// answer are not logged at all.
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
	g.RouteStandardLog()
	tbl, err := NewTable(Row{Name: "relay", Kind: KindSmartHome, Token: TokenEndpointScope,
		Handle: func(ctx context.Context, req *Request) ([]byte, error) {
			if _, err := g.Token(ctx, req); err != nil { // registers the directive's token
				return nil, err
			}
			// net/http's own format, with what a proxy echoing the request
			// sends, written while the invocation runs.
			log.Printf("Unsolicited response received on idle HTTP channel starting with %q; err=%v",
				"HTTP/1.1 200 OK\r\nAuthorization: Bearer "+directiveToken+"\r\nCf-Access-Client-Secret: "+headerSecret+"\r\n\r\n{\"token\":\""+echoed+"\"}", nil)
			log.Print("runtime API client failed with " + testToken + " and " + directiveToken)
			return []byte(`{}`), nil
		}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := g.Invoke(lambdaContext("req-std"), tbl, []byte(turnOnDirective)); err != nil {
		t.Fatal(err)
	}
	// Other tests' servers may log too; only these two lines are judged.
	var unsolicited, other map[string]any
	for _, l := range out.lines(t) {
		msg, _ := l["msg"].(string)
		switch {
		case strings.Contains(msg, "Unsolicited response"):
			unsolicited = l
		case strings.HasPrefix(msg, "runtime API client failed"):
			other = l
		}
	}
	if unsolicited == nil || other == nil {
		t.Fatalf("lines of the log package missing:\n%s", out)
	}
	for _, l := range []map[string]any{unsolicited, other} {
		if l["level"] != "WARN" || l["logger"] != "log" || l["requestId"] != "" {
			t.Errorf("line %v; want WARN from the log package, outside any invocation", l)
		}
	}
	if msg := unsolicited["msg"].(string); strings.Contains(msg, "HTTP/1.1") {
		t.Errorf("net/http's line = %q; want its news without the bytes", msg)
	}
	if msg := other["msg"].(string); msg != "runtime API client failed with [REDACTED] and [REDACTED]" {
		t.Errorf("other line = %q; want it whole, redacted", msg)
	}
	for _, secret := range []string{directiveToken, headerSecret, echoed, testToken} {
		if strings.Contains(out.String(), secret) {
			t.Errorf("a secret reached the log: %s", out)
		}
	}
	if log.Writer() == os.Stderr {
		t.Error("the log package still writes to standard error")
	}
}
