package reliability

import (
	"bytes"
	"context"
	"crypto/rand"
	"debug/buildinfo"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/lee-engine/lee/gateway"
	"github.com/lee-engine/lee/tools/harness"
	"github.com/lee-engine/lee/tools/hasim"
	"github.com/lee-engine/lee/tools/internal/uuid"
)

// Sizes of the overlapping-invocation test.
const (
	// overlapWorkers is AWS_LAMBDA_MAX_CONCURRENCY, and how many directives
	// are in flight together in each round.
	overlapWorkers = 8
	// overlapRounds is the rounds of the full run: 4,000 directives.
	overlapRounds = 500
	// overlapShortRounds is the rounds under -short.
	overlapShortRounds = 25
	// overlapBudget is each invocation's deadline. It is far above what a
	// relay on loopback needs, because the function runs with the race
	// detector on a shared machine; no assertion depends on it.
	overlapBudget = 30 * time.Second
)

// overlapTokenPrefix starts every token of the test, so that a search for
// it finds any of them, or any piece of one cut at its end.
const overlapTokenPrefix = "lee-rel-ovl-"

// overlapEndpoints are the demo home's entities, one per worker, in Home
// Assistant's endpointId form: every directive of a round names another one.
var overlapEndpoints = [overlapWorkers]string{
	"light#kitchen", "light#living_room", "switch#fan", "lock#front_door",
	"climate#thermostat", "sensor#temperature", "scene#movie_night", "script#good_night",
}

// overlapCall is one directive of the test and what it must come back with.
type overlapCall struct {
	round, slot int
	token       string // the bearer token in the directive's scope
	tokenIndex  int    // its index in the simulator's Settings.Tokens
	messageID   string
	correlation string
	endpointID  string
	event       []byte
}

// TestOverlappingInvocationsKeepTheirOwnState runs the bootstrap, built with
// the race detector, as Lambda Managed Instances do (AWS_LAMBDA_MAX_CONCURRENCY
// = 8) and sends it 8 Smart Home directives at once, each with its own bearer
// token, messageId, correlationToken and endpoint, overlapRounds times (every
// token is new). Every answer must be its own directive's, Home Assistant
// must get each directive with its own token, every log line written for an
// invocation must carry that invocation's request id and correlation id, no
// token may appear in the function's output, and the race detector must
// find nothing.
func TestOverlappingInvocationsKeepTheirOwnState(t *testing.T) {
	rounds := overlapRounds
	if testing.Short() {
		rounds = overlapShortRounds
	}
	bin := raceBootstrap(t)
	checkRaceBuild(t, bin)
	calls := newOverlapCalls(t, rounds)
	tokens := make([]string, len(calls))
	for i, c := range calls {
		tokens[i] = c.token
	}
	sim := startSim(t, hasim.Settings{Tokens: tokens}, "")
	rt := startFunctionWith(t, harness.Settings{Binary: bin, MaxConcurrency: overlapWorkers}, "HA_URL="+sim.URL())

	byRequest := make(map[string]*overlapCall, len(calls))
	for r := range rounds {
		runOverlapRound(t, rt, calls[r*overlapWorkers:(r+1)*overlapWorkers], byRequest)
	}
	checkTokensReachedHA(t, sim, calls)
	// The output is judged once the process has ended and all of it is
	// captured.
	if err := rt.Close(); err != nil {
		t.Fatalf("close function: %v", err)
	}
	stdout, stderr := rt.Stdout(), rt.Stderr()
	if i := bytes.Index(stderr, []byte("WARNING: DATA RACE")); i >= 0 {
		t.Errorf("the race detector found a data race in the function:\n%s", stderr[i:min(len(stderr), i+6000)])
	}
	for _, out := range []struct {
		name string
		b    []byte
	}{{"stdout", stdout}, {"stderr", stderr}} {
		if leaked := overlapTokenLeaks(out.b, calls); len(leaked) > 0 {
			t.Errorf("the function's %s shows %d directive token(s) (or a piece of one), e.g. of %s",
				out.name, len(leaked), leaked[0])
		}
	}
	checkInvocationLines(t, stdout, byRequest)
	t.Logf("%d directives in %d rounds of %d at once; %d bytes of stdout, %d of stderr",
		len(calls), rounds, overlapWorkers, len(stdout), len(stderr))
}

// checkRaceBuild fails the test unless bin was built with -race: without it,
// finding no race report would prove nothing.
func checkRaceBuild(t *testing.T, bin string) {
	t.Helper()
	info, err := buildinfo.ReadFile(bin)
	if err != nil {
		t.Fatalf("read the build settings of %s: %v", bin, err)
	}
	for _, s := range info.Settings {
		if s.Key == "-race" && s.Value == "true" {
			return
		}
	}
	t.Fatalf("%s was not built with -race", bin)
}

// newOverlapCalls makes every directive of the test from Amazon's
// ReportState sample, each with a token, messageId and correlationToken of
// its own; a round's directives name different endpoints.
func newOverlapCalls(t *testing.T, rounds int) []*overlapCall {
	t.Helper()
	base := sample(t, "Alexa.ReportState")
	calls := make([]*overlapCall, 0, rounds*overlapWorkers)
	for r := range rounds {
		for slot := range overlapWorkers {
			c := &overlapCall{
				round:       r,
				slot:        slot,
				token:       overlapTokenPrefix + randomHex(t, 16),
				tokenIndex:  len(simTokens) + len(calls),
				messageID:   uuid.New(),
				correlation: fmt.Sprintf("corr-%d-%d-%s", r, slot, randomHex(t, 8)),
				endpointID:  overlapEndpoints[slot],
			}
			c.event = c.directive(t, base)
			calls = append(calls, c)
		}
	}
	return calls
}

// directive is base with c's header ids, endpoint and token.
func (c *overlapCall) directive(t *testing.T, base []byte) []byte {
	t.Helper()
	var d struct {
		Directive struct {
			Header   map[string]any `json:"header"`
			Endpoint map[string]any `json:"endpoint"`
			Payload  map[string]any `json:"payload"`
		} `json:"directive"`
	}
	if err := json.Unmarshal(base, &d); err != nil || d.Directive.Header == nil || d.Directive.Endpoint == nil {
		t.Fatalf("the ReportState sample no longer has a header and an endpoint: %v\n%s", err, base)
	}
	d.Directive.Header["messageId"] = c.messageID
	d.Directive.Header["correlationToken"] = c.correlation
	d.Directive.Endpoint["endpointId"] = c.endpointID
	d.Directive.Endpoint["scope"] = map[string]any{"type": "BearerToken", "token": c.token}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func randomHex(t *testing.T, n int) string {
	t.Helper()
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

// runOverlapRound sends the round's directives at once, waits for every
// answer, checks each against its own directive and records which request
// id served which directive.
func runOverlapRound(t *testing.T, rt *harness.Runtime, round []*overlapCall, byRequest map[string]*overlapCall) {
	t.Helper()
	type outcome struct {
		res *harness.Result
		err error
	}
	outcomes := make([]outcome, len(round))
	var wg sync.WaitGroup
	for i, c := range round {
		wg.Go(func() {
			res, err := rt.InvokeWithDeadline(context.Background(), c.event, time.Now().Add(overlapBudget))
			outcomes[i] = outcome{res, err}
		})
	}
	wg.Wait()
	for i, c := range round {
		o := outcomes[i]
		if o.err != nil {
			t.Fatalf("round %d, directive %d: no answer: %v\nstderr: %s", c.round, c.slot, o.err, tail(rt.Stderr(), 2000))
		}
		if o.res.Error != nil {
			t.Fatalf("round %d, directive %d: function error %v", c.round, c.slot, o.res.Error)
		}
		if problem := c.judgeAnswer(o.res.Payload); problem != "" {
			t.Fatalf("round %d, directive %d: %s\nanswer: %s", c.round, c.slot, problem, o.res.Payload)
		}
		byRequest[o.res.RequestID] = c
	}
}

// judgeAnswer says what is wrong with answer as the answer to c, or "".
func (c *overlapCall) judgeAnswer(answer []byte) string {
	var e struct {
		Event struct {
			Header struct {
				Namespace        string `json:"namespace"`
				Name             string `json:"name"`
				CorrelationToken string `json:"correlationToken"`
			} `json:"header"`
			Endpoint struct {
				EndpointID string `json:"endpointId"`
			} `json:"endpoint"`
		} `json:"event"`
	}
	if err := json.Unmarshal(answer, &e); err != nil {
		return "the answer is not an Alexa event: " + err.Error()
	}
	h := e.Event.Header
	switch {
	case h.Namespace != "Alexa" || h.Name != "StateReport":
		return fmt.Sprintf("answer %s/%s, want Alexa/StateReport", h.Namespace, h.Name)
	case h.CorrelationToken != c.correlation:
		return fmt.Sprintf("correlationToken %q, want the directive's %q", h.CorrelationToken, c.correlation)
	case e.Event.Endpoint.EndpointID != c.endpointID:
		return fmt.Sprintf("endpointId %q, want the directive's %q", e.Event.Endpoint.EndpointID, c.endpointID)
	}
	// Home Assistant may echo the directive's own scope; any other token
	// in the answer belongs to another invocation.
	if bytes.Count(answer, []byte(overlapTokenPrefix)) != bytes.Count(answer, []byte(c.token)) {
		return "the answer carries another invocation's token"
	}
	return ""
}

// checkTokensReachedHA checks the simulator's log: every directive reached
// Home Assistant exactly once, with its own token.
func checkTokensReachedHA(t *testing.T, sim *hasim.Server, calls []*overlapCall) {
	t.Helper()
	byMessage := make(map[string]*overlapCall, len(calls))
	for _, c := range calls {
		byMessage[c.messageID] = c
	}
	seen := make(map[string]int, len(calls))
	wrong := 0
	for _, r := range sim.Requests() {
		if r.Path != gateway.SmartHomePath {
			continue
		}
		c, ok := byMessage[r.MessageID]
		switch {
		case !ok:
			t.Errorf("Home Assistant got a directive the test never sent: %+v", r)
		case r.TokenIndex != c.tokenIndex:
			wrong++
		}
		seen[r.MessageID]++
	}
	if wrong > 0 {
		t.Errorf("%d directives reached Home Assistant with another invocation's token", wrong)
	}
	for _, c := range calls {
		if n := seen[c.messageID]; n != 1 {
			t.Errorf("directive %s (round %d, %d) reached Home Assistant %d times, want once", c.messageID, c.round, c.slot, n)
		}
	}
}

// overlapTokenLeaks names the directives whose token, or the random part of
// it, shows in out: the shared prefix finds a token cut at its end, the
// random part one cut at its start.
func overlapTokenLeaks(out []byte, calls []*overlapCall) []string {
	var leaked []string
	if bytes.Contains(out, []byte(overlapTokenPrefix)) {
		leaked = append(leaked, "the token prefix "+overlapTokenPrefix)
	}
	random := make(map[string]*overlapCall, len(calls))
	for _, c := range calls {
		random[c.token[len(overlapTokenPrefix):]] = c
	}
	const n = 32 // hex digits of a token's random part
	for run := range hexRuns(out, n) {
		for i := 0; i+n <= len(run); i++ {
			if c, ok := random[string(run[i:i+n])]; ok {
				leaked = append(leaked, fmt.Sprintf("directive %s (round %d, %d)", c.messageID, c.round, c.slot))
			}
		}
	}
	return leaked
}

// hexRuns yields every run of at least n lower-case hex digits in b.
func hexRuns(b []byte, n int) func(yield func([]byte) bool) {
	return func(yield func([]byte) bool) {
		start := -1
		for i := 0; i <= len(b); i++ {
			if i < len(b) && (b[i] >= '0' && b[i] <= '9' || b[i] >= 'a' && b[i] <= 'f') {
				if start < 0 {
					start = i
				}
				continue
			}
			if start >= 0 && i-start >= n && !yield(b[start:i]) {
				return
			}
			start = -1
		}
	}
}

// TestOverlapTokenSearchFindsLeaks proves the token search of the overlap
// test can fail: a whole token, one cut at either end, and its random part
// inside a longer run of hex digits are all found, and clean output is not
// blamed.
func TestOverlapTokenSearchFindsLeaks(t *testing.T) {
	calls := []*overlapCall{
		{token: overlapTokenPrefix + "0123456789abcdef0123456789abcdef", messageID: "m0"},
		{token: overlapTokenPrefix + "fedcba9876543210fedcba9876543210", messageID: "m1"},
	}
	tests := []struct {
		name, out string
		want      int
	}{
		{"clean", `{"msg":"directive relayed","requestId":"0123456789ab"}`, 0},
		{"whole token", `{"error":"Bearer ` + calls[1].token + `"}`, 2},
		{"cut at its end", `{"reason":"` + overlapTokenPrefix + `fedcba98…"}`, 1},
		{"cut at its start", `{"v":"…` + calls[0].token[len(overlapTokenPrefix):] + `"}`, 1},
		{"inside longer hex", `{"v":"00` + calls[1].token[len(overlapTokenPrefix):] + `ff"}`, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := overlapTokenLeaks([]byte(tc.out), calls); len(got) != tc.want {
				t.Errorf("found %v, want %d finding(s)", got, tc.want)
			}
		})
	}
}
