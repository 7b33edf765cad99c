package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/lee-engine/lee/gateway"
)

// Where an error case's Home Assistant lives.
const (
	haPlain   = iota // an httptest server on 127.0.0.1
	haTLS            // the same over TLS with an untrusted certificate
	haRefused        // a closed port on 127.0.0.1
	haNoName         // a host name the local DNS stand-in does not know
)

// atMostOne is errorCase.calls for cases where timing decides whether the
// request got out before the budget ended; a retry is never allowed.
const atMostOne = -1

// errorCase is one row of DESIGN.md's error table.
type errorCase struct {
	name     string
	sample   string                       // directive fixture; TurnOn when ""
	edit     func(d map[string]any)       // optional change to the directive
	where    int                          // haPlain, haTLS, haRefused or haNoName
	reply    http.HandlerFunc             // Home Assistant's behaviour (haPlain, haTLS)
	blocks   bool                         // Home Assistant holds the request until the test ends
	config   func(*gateway.Configuration) // optional change to the configuration
	deadline time.Duration                // Lambda deadline from now; a minute when 0
	want     wantError
	metric   string // the error metric the answer counts
	calls    int    // requests Home Assistant must receive, or atMostOne
}

// haStatus is Home Assistant answering status with a short text body, as
// aiohttp does for its errors.
func haStatus(status int) http.HandlerFunc {
	return respond(status, "text/plain; charset=utf-8", []byte(strconv.Itoa(status)+": "+http.StatusText(status)))
}

const (
	bridge   = "BRIDGE_UNREACHABLE"
	badAuth  = "INVALID_AUTHORIZATION_CREDENTIAL"
	internal = "INTERNAL_ERROR"
)

// errorCases are all the rows: Home Assistant's answers first, then the
// failures to get one, then AcceptGrant's.
func errorCases(t *testing.T) []errorCase {
	return append(append(answerErrorCases(t), noAnswerErrorCases(t)...), edgeErrorCases()...)
}

// answerErrorCases are the rows where Home Assistant answers, or would.
func answerErrorCases(t *testing.T) []errorCase {
	turnOnAnswer := fixtureFile(t, turnOnResponse)
	noScope := func(d map[string]any) { delete(member(d, "endpoint"), "scope") }
	noFallback := func(c *gateway.Configuration) { c.Token = "" }
	return []errorCase{
		{name: "no token and no fallback", edit: noScope, config: noFallback,
			want: wantError{"Alexa", badAuth, "link"}, metric: gateway.MetricInvalidAuthorization, calls: 0},
		{name: "token that cannot be sent", edit: func(d map[string]any) {
			member(member(d, "endpoint"), "scope")["token"] = "token with-space-9876"
		}, want: wantError{"Alexa", badAuth, ""}, metric: gateway.MetricInvalidAuthorization, calls: 0},
		{name: "401", reply: haStatus(401), want: wantError{"Alexa", badAuth, "401"}, metric: gateway.MetricInvalidAuthorization, calls: 1},
		{name: "403", reply: haStatus(403), want: wantError{"Alexa", badAuth, "403"}, metric: gateway.MetricInvalidAuthorization, calls: 1},
		{name: "404 alexa not configured", reply: haStatus(404),
			want: wantError{"Alexa", internal, "alexa: smart_home:"}, metric: gateway.MetricInternalError, calls: 1},
		{name: "500", reply: haStatus(500), want: wantError{"Alexa", internal, "500"}, metric: gateway.MetricInternalError, calls: 1},
		{name: "500 with an Alexa body", reply: respond(500, "application/json", turnOnAnswer),
			want: wantError{"Alexa", internal, "500"}, metric: gateway.MetricInternalError, calls: 1},
		{name: "418", reply: haStatus(418), want: wantError{"Alexa", internal, "418"}, metric: gateway.MetricInternalError, calls: 1},
		{name: "302 to a login page", reply: func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Location", "https://login.example.com/")
			w.WriteHeader(http.StatusFound)
		}, want: wantError{"Alexa", internal, "302"}, metric: gateway.MetricInternalError, calls: 1},
		{name: "502", reply: haStatus(502), want: wantError{"Alexa", bridge, "502"}, metric: gateway.MetricBridgeUnreachable, calls: 1},
		{name: "503", reply: haStatus(503), want: wantError{"Alexa", bridge, "503"}, metric: gateway.MetricBridgeUnreachable, calls: 1},
		{name: "504", reply: haStatus(504), want: wantError{"Alexa", bridge, "504"}, metric: gateway.MetricBridgeUnreachable, calls: 1},
		{name: "HTML page with 200", reply: respond(200, "text/html", []byte("<!DOCTYPE html><html><body>Sign in</body></html>")),
			want: wantError{"Alexa", internal, "HTML"}, metric: gateway.MetricInternalError, calls: 1},
		{name: "truncated JSON", reply: respond(200, "application/json", turnOnAnswer[:len(turnOnAnswer)/2]),
			want: wantError{"Alexa", internal, "not Alexa JSON"}, metric: gateway.MetricInternalError, calls: 1},
		{name: "empty body", reply: respond(200, "application/json", nil),
			want: wantError{"Alexa", internal, "empty"}, metric: gateway.MetricInternalError, calls: 1},
		{name: "JSON that is not an Alexa message", reply: respond(200, "application/json", []byte(`{"message":"API running."}`)),
			want: wantError{"Alexa", internal, "not Alexa JSON"}, metric: gateway.MetricInternalError, calls: 1},
		{name: "Alexa message that is not valid UTF-8", reply: respond(200, "application/json", notUTF8(t, turnOnAnswer)),
			want: wantError{"Alexa", internal, "not valid UTF-8"}, metric: gateway.MetricInternalError, calls: 1},
		{name: "answer over 6 MB", reply: respond(200, "application/json", bytes.Repeat([]byte(" "), 7<<20)),
			want: wantError{"Alexa", internal, "6 MB"}, metric: gateway.MetricInternalError, calls: 1},
	}
}

// noAnswerErrorCases are the rows where no usable answer arrives in time,
// and the AcceptGrant rows.
func noAnswerErrorCases(t *testing.T) []errorCase {
	turnOnAnswer := fixtureFile(t, turnOnResponse)
	noFallback := func(c *gateway.Configuration) { c.Token = "" }
	return []errorCase{
		{name: "connection refused", where: haRefused,
			want: wantError{"Alexa", bridge, "refused"}, metric: gateway.MetricBridgeUnreachable, calls: 0},
		{name: "host name unknown", where: haNoName,
			want: wantError{"Alexa", bridge, "resolved"}, metric: gateway.MetricBridgeUnreachable, calls: 0},
		{name: "untrusted certificate", where: haTLS, reply: respond(200, "application/json", turnOnAnswer),
			want: wantError{"Alexa", bridge, "TLS"}, metric: gateway.MetricBridgeUnreachable, calls: 0},
		{name: "connection reset after the request", reply: resetConnection,
			want: wantError{"Alexa", bridge, "reset"}, metric: gateway.MetricBridgeUnreachable, calls: 1},
		{name: "HA_TIMEOUT used up", blocks: true, config: func(c *gateway.Configuration) { c.Timeout = 300 * time.Millisecond },
			want: wantError{"Alexa", bridge, "time budget"}, metric: gateway.MetricBridgeUnreachable, calls: atMostOne},
		{name: "Lambda deadline before HA_TIMEOUT", blocks: true, deadline: 1200 * time.Millisecond,
			want: wantError{"Alexa", bridge, "time budget"}, metric: gateway.MetricBridgeUnreachable, calls: atMostOne},
		{name: "no time left before the Lambda deadline", reply: respond(200, "application/json", turnOnAnswer), deadline: gateway.DeadlineMargin * 3 / 4,
			want: wantError{"Alexa", bridge, "timeout"}, metric: gateway.MetricBridgeUnreachable, calls: 0},
		{name: "Discovery answered 503", sample: discoveryRequest, reply: haStatus(503),
			want: wantError{"Alexa", bridge, "503"}, metric: gateway.MetricBridgeUnreachable, calls: 1},
		{name: "ReportState answered 401", sample: "Alexa.ReportState.directive.json", reply: haStatus(401),
			want: wantError{"Alexa", badAuth, "401"}, metric: gateway.MetricInvalidAuthorization, calls: 1},
		{name: "SetTargetTemperature answered 504", sample: "ThermostatController.SetTargetTemperature.directive.json", reply: haStatus(504),
			want: wantError{"Alexa", bridge, "504"}, metric: gateway.MetricBridgeUnreachable, calls: 1},
		{name: "scene Activate answered 404", sample: "SceneController.Activate.directive.json", reply: haStatus(404),
			want: wantError{"Alexa", internal, "smart_home"}, metric: gateway.MetricInternalError, calls: 1},
		{name: "AcceptGrant answered 500", sample: grantRequest, reply: haStatus(500),
			want: wantError{"Alexa.Authorization", "ACCEPT_GRANT_FAILED", ""}, metric: gateway.MetricAcceptGrantFailed, calls: 1},
		{name: "AcceptGrant answered 401", sample: grantRequest, reply: haStatus(401),
			want: wantError{"Alexa.Authorization", "ACCEPT_GRANT_FAILED", ""}, metric: gateway.MetricAcceptGrantFailed, calls: 1},
		{name: "AcceptGrant answered with HTML", sample: grantRequest, reply: respond(200, "text/html", []byte("<html></html>")),
			want: wantError{"Alexa.Authorization", "ACCEPT_GRANT_FAILED", ""}, metric: gateway.MetricAcceptGrantFailed, calls: 1},
		{name: "AcceptGrant refused", sample: grantRequest, where: haRefused,
			want: wantError{"Alexa.Authorization", "ACCEPT_GRANT_FAILED", ""}, metric: gateway.MetricAcceptGrantFailed, calls: 0},
		{name: "AcceptGrant without grantee or fallback", sample: grantRequest, config: noFallback,
			edit: func(d map[string]any) { delete(member(d, "payload"), "grantee") },
			want: wantError{"Alexa.Authorization", "ACCEPT_GRANT_FAILED", ""}, metric: gateway.MetricAcceptGrantFailed, calls: 0},
	}
}

// TestErrorMapping: every way Home Assistant can fail to answer produces
// exactly the ErrorResponse of the design's error table (docs/ARCHITECTURE.md),
// well formed by the project's rules (checkErrorAnswer),
// keeping the directive's correlationToken and endpoint, with a new
// messageId, a message that says what to fix and no secret, and counted by
// its metric in the invocation's one EMF line.
func TestErrorMapping(t *testing.T) {
	for _, tc := range errorCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			sample := tc.sample
			if sample == "" {
				sample = turnOnRequest
			}
			event := fixtureFile(t, sample)
			if tc.edit != nil {
				event = editDirective(t, sample, tc.edit)
			}
			cfg, requests := errorCaseHA(t, tc)
			if tc.config != nil {
				tc.config(cfg)
			}
			f := newFixture(t, cfg)
			deadline := time.Minute
			if tc.deadline > 0 {
				deadline = tc.deadline
			}

			answer, err := f.h.Invoke(lambdaContext(t, testRequestID, time.Now().Add(deadline)), event)
			if err != nil {
				t.Fatalf("Invoke returned an error instead of an ErrorResponse: %v", err)
			}

			checkErrorAnswer(t, event, answer, tc.want)
			if n := requests(); (tc.calls == atMostOne && n > 1) || (tc.calls >= 0 && n != tc.calls) {
				t.Errorf("Home Assistant received %d requests; want %d (-1: at most one)", n, tc.calls)
			}
			checkErrorMetric(t, f.out.take(), tc.metric)
		})
	}
}

// errorCaseHA starts the Home Assistant tc describes and returns the
// configuration pointing at it and a count of the requests it received.
func errorCaseHA(t *testing.T, tc errorCase) (*gateway.Configuration, func() int) {
	t.Helper()
	none := func() int { return 0 }
	reply := tc.reply
	if tc.blocks {
		reply = blockUntilCleanup(t)
	}
	switch tc.where {
	case haRefused:
		return baseConfig(closedURL(t)), none
	case haNoName:
		cfg := baseConfig("http://homeassistant.lee-test.example:8123")
		cfg.DNSServer = startNoSuchNameDNS(t)
		return cfg, none
	case haTLS:
		ha := startTLSHA(t, reply)
		return baseConfig(ha.URL()), func() int { return len(ha.requests()) }
	}
	ha := startHA(t, reply)
	return baseConfig(ha.URL()), func() int { return len(ha.requests()) }
}

// checkErrorMetric fails unless the invocation's output has exactly one
// EMF line, counting one directive and one answer of metric.
func checkErrorMetric(t *testing.T, output, metric string) {
	t.Helper()
	emf := emfLines(outputLines(t, output))
	if len(emf) != 1 {
		t.Fatalf("%d EMF lines; want exactly 1 per invocation", len(emf))
	}
	if emf[0][metric] != 1.0 || emf[0][gateway.MetricDirectives] != 1.0 {
		t.Errorf("EMF line %v; want %s=1 and %s=1", emf[0], metric, gateway.MetricDirectives)
	}
}

// TestBreakerOpens: after the tier's threshold of 5xx answers in a row,
// the next directive is answered BRIDGE_UNREACHABLE at once, without
// reaching Home Assistant, and counted as BreakerOpen where the tier's
// metric set has it.
func TestBreakerOpens(t *testing.T) {
	for _, tier := range []gateway.Configuration{{Tier: "minimum"}, {Tier: "standard"}, {Tier: "maximum"}} {
		t.Run(string(tier.Tier), func(t *testing.T) {
			ha := startHA(t, haStatus(http.StatusInternalServerError))
			cfg := baseConfig(ha.URL())
			cfg.Tier = tier.Tier
			f := newFixture(t, cfg)
			threshold := int(cfg.Tier.Settings().BreakerFailureThreshold)
			event := fixtureFile(t, turnOnRequest)
			for i := range threshold {
				checkErrorAnswer(t, event, f.mustInvoke(t, event), wantError{"Alexa", internal, "500"})
				if t.Failed() {
					t.Fatalf("5xx answer %d of %d was not mapped to INTERNAL_ERROR", i+1, threshold)
				}
			}
			f.out.take()

			answer := f.mustInvoke(t, event)

			checkErrorAnswer(t, event, answer, wantError{"Alexa", bridge, "circuit breaker"})
			if n := len(ha.requests()); n != threshold {
				t.Errorf("Home Assistant received %d requests; want %d, none once the breaker is open", n, threshold)
			}
			emf := emfLines(outputLines(t, f.out.take()))
			if len(emf) != 1 || emf[0][gateway.MetricBridgeUnreachable] != 1.0 {
				t.Fatalf("EMF lines %v; want one with BridgeUnreachable=1", emf)
			}
			_, counted := emf[0][gateway.MetricBreakerOpen]
			if wantCounted := cfg.Tier.Settings().MetricSet == "all"; counted != wantCounted || (counted && emf[0][gateway.MetricBreakerOpen] != 1.0) {
				t.Errorf("EMF line %v; want BreakerOpen=1 only when the tier's metric set is all", emf[0])
			}
		})
	}
}

// TestBreakerIgnoresClientErrors: answers that show Home Assistant is up
// (4xx, a 200 that is not an Alexa message) never open the breaker, so
// every directive keeps reaching Home Assistant.
func TestBreakerIgnoresClientErrors(t *testing.T) {
	tests := []struct {
		name  string
		reply http.HandlerFunc
		want  wantError
	}{
		{"401", haStatus(http.StatusUnauthorized), wantError{"Alexa", badAuth, "401"}},
		{"404", haStatus(http.StatusNotFound), wantError{"Alexa", internal, "alexa: smart_home:"}},
		{"HTML page with 200", respond(http.StatusOK, "text/html", []byte("<html></html>")), wantError{"Alexa", internal, "HTML"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ha := startHA(t, tc.reply)
			cfg := baseConfig(ha.URL())
			f := newFixture(t, cfg)
			event := fixtureFile(t, turnOnRequest)
			n := 2 * int(cfg.Tier.Settings().BreakerFailureThreshold)
			for range n {
				checkErrorAnswer(t, event, f.mustInvoke(t, event), tc.want)
			}
			if got := len(ha.requests()); got != n {
				t.Errorf("Home Assistant received %d of %d requests; the breaker must stay closed", got, n)
			}
		})
	}
}

// TestBreakerIgnoresCutBudget: Home Assistant slower than a short Lambda
// deadline allows, but within HA_TIMEOUT, times out again and again
// without opening the breaker: the budget was the Lambda deadline's, not
// Home Assistant's failure. The next directive with time enough reaches
// Home Assistant and gets its answer.
func TestBreakerIgnoresCutBudget(t *testing.T) {
	var stall atomic.Bool
	stall.Store(true)
	answer := respond(http.StatusOK, "application/json", fixtureFile(t, turnOnResponse))
	ha := startHA(t, func(w http.ResponseWriter, r *http.Request) {
		if stall.Load() {
			<-r.Context().Done() // slower than any budget the test gives
			return
		}
		answer(w, r)
	})
	cfg := baseConfig(ha.URL())
	cfg.Tier = "minimum"
	f := newFixture(t, cfg)
	event := fixtureFile(t, turnOnRequest)
	n := 2 * int(cfg.Tier.Settings().BreakerFailureThreshold)
	for range n {
		out, err := f.h.Invoke(lambdaContext(t, testRequestID, time.Now().Add(gateway.DeadlineMargin+100*time.Millisecond)), event)
		if err != nil {
			t.Fatal(err)
		}
		checkErrorAnswer(t, event, out, wantError{"Alexa", bridge, "time budget"})
	}
	if got := len(ha.requests()); got != n {
		t.Fatalf("Home Assistant received %d of %d requests; the breaker must stay closed", got, n)
	}
	stall.Store(false)
	out := f.mustInvoke(t, event)
	if got := len(ha.requests()); got != n+1 {
		t.Errorf("the directive with time enough did not reach Home Assistant (%d requests, want %d): %s", got, n+1, out)
	}
	if !bytes.Equal(out, fixtureFile(t, turnOnResponse)) {
		t.Errorf("answer is not Home Assistant's: %s", out)
	}
}

// TestUnpreparedRequest: a request that cannot even be prepared (here a
// DNS server given by name, which config.Load would refuse) is answered
// INTERNAL_ERROR with a message that quotes nothing of the error, which
// may name a file; the error itself goes to the log.
func TestUnpreparedRequest(t *testing.T) {
	ha := startHA(t, respond(http.StatusOK, "application/json", fixtureFile(t, turnOnResponse)))
	cfg := baseConfig(ha.URL())
	cfg.DNSServer = "dns.lee-test.invalid:53"
	f := newFixture(t, cfg)
	event := fixtureFile(t, turnOnRequest)
	got := checkErrorAnswer(t, event, f.mustInvoke(t, event), wantError{"Alexa", internal, "see the function's log"})
	if msg := *got.Event.Payload.Message; strings.Contains(msg, "lee-test.invalid") || strings.Contains(msg, "httpclient") {
		t.Errorf("the answer quotes the error: %q", msg)
	}
	if !strings.Contains(f.out.take(), "dns.lee-test.invalid") {
		t.Error("the error is not in the log")
	}
	if n := len(ha.requests()); n != 0 {
		t.Errorf("Home Assistant received %d requests", n)
	}
}

// notUTF8 is answer with a byte that is not UTF-8 (Latin-1's ü) in a new
// member: still an object json.Valid accepts, no longer valid UTF-8.
func notUTF8(tb testing.TB, answer []byte) []byte {
	tb.Helper()
	end := bytes.LastIndexByte(answer, '}')
	out := append([]byte(nil), answer[:end]...)
	out = append(out, `,"note":"K`+"\xfc"+`che"}`...)
	if !json.Valid(out) || utf8.Valid(out) {
		tb.Fatal("the answer made for the test is not valid JSON, or still valid UTF-8")
	}
	return out
}
