package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/lambdacontext"
	"github.com/lee-engine/lee/gateway"
)

// Secrets the tests plant. None of them may appear in an answer, a Lambda
// error or a line of output.
const (
	fixtureToken  = "lee-fixture-token-3c9e2f71" // the token of every directive in testdata/smarthome
	fallbackToken = "fallback-token-3f9c51ae"
	headerSecret  = "cf-access-secret-d41b07"
)

// testRequestID is the Lambda request id of the invocations tests make.
const testRequestID = "c0ffee00-1111-4222-8333-444455556666"

// The project's own directives and Home Assistant answers the tests use
// most, under testdata/smarthome (fixturesDir). Amazon's samples are
// tools/conformance's, not this module's.
const (
	fixturesDir       = "testdata/smarthome"
	turnOnRequest     = "PowerController.TurnOn.directive.json"
	turnOnResponse    = "PowerController.TurnOn.answer.json"
	discoveryRequest  = "Discovery.Discover.directive.json"
	discoveryResponse = "Discovery.Discover.answer.json"
	grantRequest      = "Authorization.AcceptGrant.directive.json"
	grantResponse     = "Authorization.AcceptGrant.answer.json"
	haErrorResponse   = "ErrorResponse.EndpointUnreachable.answer.json"
)

// fixtureFile reads one file of testdata/smarthome.
func fixtureFile(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(fixturesDir, name))
	if err != nil {
		tb.Fatalf("read fixture: %v", err)
	}
	return b
}

// editDirective returns the fixture name with edit applied to its decoded
// "directive" object, encoded again.
func editDirective(tb testing.TB, name string, edit func(d map[string]any)) []byte {
	tb.Helper()
	var env map[string]any
	if err := json.Unmarshal(fixtureFile(tb, name), &env); err != nil {
		tb.Fatalf("decode fixture %s: %v", name, err)
	}
	d, ok := env["directive"].(map[string]any)
	if !ok {
		tb.Fatalf("fixture %s has no directive object", name)
	}
	edit(d)
	b, err := json.Marshal(env)
	if err != nil {
		tb.Fatalf("encode edited fixture: %v", err)
	}
	return b
}

// member returns m[key] as an object, for editDirective's edits.
func member(m map[string]any, key string) map[string]any {
	o, _ := m[key].(map[string]any)
	return o
}

// baseConfig is the configuration tests start from, as config.Load would
// give it with HA_URL=url and HA_TOKEN set, and an extra secret header.
func baseConfig(url string) *gateway.Configuration {
	return &gateway.Configuration{
		HAURL:          url,
		Token:          fallbackToken,
		VerifyTLS:      true,
		Headers:        map[string]string{"CF-Access-Client-Secret": headerSecret},
		Timeout:        7 * time.Second,
		Tier:           "standard",
		LogLevel:       "info",
		MetricsEnabled: true,
	}
}

// fixture is one instance of the function: the handler main would build,
// over a Gateway whose logs and metrics go to out.
type fixture struct {
	h   *handler
	g   *gateway.Gateway
	out *outputBuffer
}

// newFixture builds the function over cfg the way main does, with opts
// adjusting the Gateway's Options after Stdout is set to a fresh buffer.
func newFixture(tb testing.TB, cfg *gateway.Configuration, opts ...func(*gateway.Options)) *fixture {
	tb.Helper()
	out := &outputBuffer{}
	o := gateway.Options{Stdout: out, FunctionName: "lee-test"}
	for _, opt := range opts {
		opt(&o)
	}
	g, err := gateway.FromConfig(cfg, o)
	if err != nil {
		tb.Fatalf("gateway.FromConfig: %v", err)
	}
	tb.Cleanup(g.Close)
	h, err := newHandler(g)
	if err != nil {
		tb.Fatalf("newHandler: %v", err)
	}
	g.MarkInitDone()
	return &fixture{h: h, g: g, out: out}
}

// lambdaContext is what the Lambda runtime hands Invoke: a deadline and
// the invocation's request id.
func lambdaContext(tb testing.TB, requestID string, deadline time.Time) context.Context {
	tb.Helper()
	ctx, cancel := context.WithDeadline(context.Background(), deadline)
	tb.Cleanup(cancel)
	return lambdacontext.NewContext(ctx, &lambdacontext.LambdaContext{
		AwsRequestID:       requestID,
		InvokedFunctionArn: "arn:aws:lambda:eu-west-1:000000000000:function:lee-test",
	})
}

// invoke runs one invocation with a deadline far enough away that only
// HA_TIMEOUT bounds the relay.
func (f *fixture) invoke(tb testing.TB, event []byte) ([]byte, error) {
	tb.Helper()
	return f.h.Invoke(lambdaContext(tb, testRequestID, time.Now().Add(time.Minute)), event)
}

// mustInvoke is invoke for events that must be answered, not refused.
func (f *fixture) mustInvoke(tb testing.TB, event []byte) []byte {
	tb.Helper()
	out, err := f.invoke(tb, event)
	if err != nil {
		tb.Fatalf("Invoke returned an error instead of an answer: %v", err)
	}
	return out
}

// outputBuffer is the Gateway's standard output in tests. Log and metric
// lines may come from several goroutines.
type outputBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *outputBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// take returns what was written since the last take and forgets it, so
// that each invocation's lines can be told apart.
func (b *outputBuffer) take() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := b.buf.String()
	b.buf.Reset()
	return s
}

// outputLines splits captured output into its JSON lines, failing on any
// line that is not a JSON object.
func outputLines(tb testing.TB, text string) []map[string]any {
	tb.Helper()
	var lines []map[string]any
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			tb.Fatalf("output line is not a JSON object: %v: %s", err, line)
		}
		lines = append(lines, m)
	}
	return lines
}

// isEMF reports whether an output line is an Embedded Metric Format line.
func isEMF(line map[string]any) bool {
	_, ok := line["_aws"]
	return ok
}

// emfLines returns the EMF lines among lines.
func emfLines(lines []map[string]any) []map[string]any {
	var out []map[string]any
	for _, l := range lines {
		if isEMF(l) {
			out = append(out, l)
		}
	}
	return out
}

// haRequest is one request the stand-in Home Assistant received.
type haRequest struct {
	method, path, auth, secretHeader string
	body                             []byte
}

// fakeHA is a Home Assistant stand-in on 127.0.0.1 whose answers each test
// scripts; it records every request it receives.
type fakeHA struct {
	srv *httptest.Server
	mu  sync.Mutex
	got []haRequest
}

// startHA serves reply over plain HTTP.
func startHA(tb testing.TB, reply http.HandlerFunc) *fakeHA {
	tb.Helper()
	return serveHA(tb, reply, (*httptest.Server).Start)
}

// startTLSHA serves reply over TLS with httptest's self-signed certificate,
// which a verifying client does not trust.
func startTLSHA(tb testing.TB, reply http.HandlerFunc) *fakeHA {
	tb.Helper()
	return serveHA(tb, reply, (*httptest.Server).StartTLS)
}

func serveHA(tb testing.TB, reply http.HandlerFunc, start func(*httptest.Server)) *fakeHA {
	tb.Helper()
	f := &fakeHA{}
	f.srv = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		f.mu.Lock()
		f.got = append(f.got, haRequest{method: r.Method, path: r.URL.Path, auth: r.Header.Get("Authorization"),
			secretHeader: r.Header.Get("CF-Access-Client-Secret"), body: body})
		f.mu.Unlock()
		reply(w, r)
	}))
	f.srv.Config.ErrorLog = log.New(io.Discard, "", 0) // refused TLS handshakes are expected
	start(f.srv)
	tb.Cleanup(f.srv.Close)
	return f
}

// URL is the base URL to configure as HA_URL.
func (f *fakeHA) URL() string { return f.srv.URL }

// requests returns the requests received so far.
func (f *fakeHA) requests() []haRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]haRequest(nil), f.got...)
}

// respond answers every request with status, content type and body.
func respond(status int, contentType string, body []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		if contentType != "" {
			w.Header().Set("Content-Type", contentType)
		}
		w.WriteHeader(status)
		_, _ = w.Write(body)
	}
}

// closedURL is an HA_URL on 127.0.0.1 where nothing listens any more, so
// every connection is refused.
func closedURL(tb testing.TB) string {
	tb.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	addr := l.Addr().String()
	if err := l.Close(); err != nil {
		tb.Fatal(err)
	}
	return "http://" + addr
}

// blockUntilCleanup returns a reply that holds each request until the test
// ends: Home Assistant that never answers in time.
func blockUntilCleanup(tb testing.TB) http.HandlerFunc {
	release := make(chan struct{})
	tb.Cleanup(func() { close(release) })
	return func(_ http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}
}

// resetConnection closes the connection with a TCP reset once the request
// has arrived: a proxy dropping the request midway.
func resetConnection(w http.ResponseWriter, _ *http.Request) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		return
	}
	if tcp, ok := conn.(*net.TCPConn); ok {
		_ = tcp.SetLinger(0)
	}
	_ = conn.Close()
}
