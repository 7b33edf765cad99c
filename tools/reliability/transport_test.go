package reliability

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/lee-engine/lee/config"
	"github.com/lee-engine/lee/gateway"
	"github.com/lee-engine/lee/tools/harness"
	"github.com/lee-engine/lee/tools/hasim"
)

// The transport's edges (issue 13): what Home Assistant, a proxy or the
// Lambda freeze can do to the connection rather than to the answer.

// transportRows are the fault matrix's rows for the transport's edges.
func transportRows() []faultRow {
	return []faultRow{
		{name: "101 Switching Protocols", want: gateway.InternalError,
			setup: simFault(hasim.Fault{Kind: hasim.KindSwitchProtocols})},
		{name: "bytes after the answer's end", setup: trailingBytes},
		{name: "kept connection closed during a freeze", setup: closedDuringFreeze},
		{name: "dropped after reading, on a kept connection", want: gateway.BridgeUnreachable, setup: droppedOnKept},
	}
}

// trailingBytes answers the directive whole, then sends bytes its length
// does not cover: an echo of the request, token and header secret
// included. The directive gets Home Assistant's answer; net/http's log
// line about the stray bytes must not show them (searched when the
// process stops). The row waits until the function has closed the
// connection, which net/http does right after that line.
func trailingBytes(t *testing.T) stage {
	st := simFault(hasim.Fault{Kind: hasim.KindTrailingBytes})(t)
	sim := st.sim
	st.after = func(t *testing.T) {
		if _, err := sim.WaitRequests(waitCtx(t), func(r []hasim.Request) bool {
			return len(r) > 0 && r[len(r)-1].Done
		}); err != nil {
			t.Errorf("the function never closed the connection that carried bytes after the answer: %v", err)
		}
	}
	return st
}

// closedDuringFreeze relays one directive, so that a connection is kept,
// and stops the process (SIGSTOP) until the server has closed that
// connection and the failing directive has been delivered: the directive
// must go out once, on a new connection, and succeed.
func closedDuringFreeze(t *testing.T) stage {
	sim := startIdleSim(t)
	arm := func(t *testing.T, rt *harness.Runtime) {
		directive := sample(t, turnOn)
		checkGood(t, turnOn, directive, invoke(t, rt, directive, defaultBudget).payload)
		resumed := freeze(t, rt, sim, 2)
		t.Cleanup(resumed)
	}
	return stage{
		env:    []string{"HA_URL=" + sim.url},
		sim:    sim.Server,
		arm:    arm,
		sent:   1,
		repair: func(*testing.T) {},
	}
}

// droppedOnKept relays one directive, so that the connection is kept,
// then has Home Assistant read the next request, apply it and close the
// connection without a word: the case in which Go's transport would
// replay a POST it counts as idempotent. It must reach Home Assistant
// once.
func droppedOnKept(t *testing.T) stage {
	sim := startSim(t, hasim.Settings{}, "")
	arm := func(t *testing.T, rt *harness.Runtime) {
		directive := sample(t, turnOn)
		checkGood(t, turnOn, directive, invoke(t, rt, directive, defaultBudget).payload)
		if err := sim.Inject(hasim.Fault{Path: gateway.SmartHomePath, Count: 1, Kind: hasim.KindDrop}); err != nil {
			t.Fatal(err)
		}
	}
	return stage{
		env:    []string{"HA_URL=" + sim.URL()},
		sim:    sim,
		arm:    arm,
		sent:   1,
		repair: func(*testing.T) { sim.ClearFaults() },
	}
}

// thawRuns is how many thawed invocations TestThawedKeptConnection makes.
const thawRuns = 20

// TestThawedKeptConnection: Home Assistant behind a server that closes
// idle kept-alive connections after 500 ms, the function stopped with
// SIGSTOP across that close and resumed once the next directive waits for
// it (a Lambda freeze and thaw), twenty times in one process: every
// directive must succeed and reach Home Assistant exactly once. The
// control makes the server close the connection while the function runs.
func TestThawedKeptConnection(t *testing.T) {
	for _, frozen := range []bool{true, false} {
		name := map[bool]string{true: "thawed", false: "control, not frozen"}[frozen]
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			sim := startIdleSim(t)
			rt := startFunction(t, "HA_URL="+sim.url)
			directive := sample(t, turnOn)
			checkGood(t, turnOn, directive, invoke(t, rt, directive, defaultBudget).payload)
			failed := 0
			for i := 2; i <= thawRuns+1; i++ {
				resumed := func() {}
				if frozen {
					resumed = freeze(t, rt, sim, i)
				} else if err := sim.waitNoConns(waitCtx(t)); err != nil {
					t.Fatal(err)
				}
				before := sim.Count(gateway.SmartHomePath)
				a := invoke(t, rt, directive, defaultBudget)
				resumed()
				if e := decodeEvent(t, a.payload).Event; e.Header.Name == "ErrorResponse" {
					failed++
					t.Errorf("invocation %d failed: %s: %s", i, e.Payload.Type, e.Payload.Message)
				}
				if got := sim.Count(gateway.SmartHomePath) - before; got != 1 {
					t.Errorf("invocation %d brought %d requests to Home Assistant, want 1", i, got)
				}
			}
			resent := bytes.Count(rt.Stdout(), []byte("sending it on a new connection"))
			t.Logf("%d of %d invocations failed; %d found their kept connection closed before writing and went out on a new one", failed, thawRuns, resent)
		})
	}
}

// TestSwitchingProtocolsCustomSkill: a custom-skill request whose answer
// is "101 Switching Protocols" gets the spoken apology before its
// deadline, and the next request is relayed by the same process.
func TestSwitchingProtocolsCustomSkill(t *testing.T) {
	t.Parallel()
	sim := startSim(t, hasim.Settings{}, "")
	if err := sim.Inject(hasim.Fault{Path: gateway.CustomSkillPath, Count: 1, Kind: hasim.KindSwitchProtocols}); err != nil {
		t.Fatal(err)
	}
	rt := startFunction(t, "HA_URL="+sim.URL())
	pid := rt.PID()
	request := launchRequest(t)
	a := invoke(t, rt, request, defaultBudget)
	a.inTime(t)
	if said := speech(t, a.payload); !strings.HasPrefix(said, "Sorry") {
		t.Errorf("the answer to a 101 says %q, want the apology", said)
	}
	good := invoke(t, rt, request, defaultBudget)
	if said := speech(t, good.payload); strings.HasPrefix(said, "Sorry") {
		t.Errorf("the next request got the apology %q, want Home Assistant's answer", said)
	}
	if got := sim.Count(gateway.CustomSkillPath); got != 2 {
		t.Errorf("the simulator received %d custom-skill requests, want 2", got)
	}
	if !rt.Alive() || rt.PID() != pid {
		t.Errorf("the function process %d did not survive", pid)
	}
}

// launchRequest is a custom-skill LaunchRequest from a linked account.
func launchRequest(t *testing.T) []byte {
	t.Helper()
	app := map[string]any{"applicationId": "amzn1.ask.skill.00000000-0000-4000-8000-000000000001"}
	user := map[string]any{"userId": "amzn1.ask.account.reliability", "accessToken": directiveToken}
	b, err := json.Marshal(map[string]any{
		"version": "1.0",
		"session": map[string]any{"new": true, "sessionId": "amzn1.echo-api.session.reliability", "application": app, "user": user},
		"context": map[string]any{"System": map[string]any{
			"application": app, "user": user,
			"device":      map[string]any{"deviceId": "amzn1.ask.device.reliability", "supportedInterfaces": map[string]any{}},
			"apiEndpoint": "https://api.amazonalexa.com",
		}},
		"request": map[string]any{"type": "LaunchRequest", "requestId": "amzn1.echo-api.request.reliability",
			"timestamp": "2026-01-01T12:00:00Z", "locale": "en-US"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// speech is what a custom-skill answer says.
func speech(t *testing.T, body []byte) string {
	t.Helper()
	var r struct {
		Response struct {
			OutputSpeech struct {
				Text string `json:"text"`
			} `json:"outputSpeech"`
		} `json:"response"`
	}
	if err := json.Unmarshal(body, &r); err != nil || r.Response.OutputSpeech.Text == "" {
		t.Fatalf("not a custom-skill answer that speaks (%v): %s", err, body)
	}
	return r.Response.OutputSpeech.Text
}

// TestStrayBytesLogLine: net/http's line about bytes sent after the
// declared end of an answer reaches the log as a JSON line of the
// function's logger, not raw standard error, and without those bytes,
// which echo the directive's token and the HA_HEADERS secret.
func TestStrayBytesLogLine(t *testing.T) {
	t.Parallel()
	sim := startSim(t, hasim.Settings{}, "")
	if err := sim.Inject(hasim.Fault{Path: gateway.SmartHomePath, Count: 1, Kind: hasim.KindTrailingBytes}); err != nil {
		t.Fatal(err)
	}
	rt := startFunction(t, "HA_URL="+sim.URL())
	directive := sample(t, turnOn)
	checkGood(t, turnOn, directive, invoke(t, rt, directive, defaultBudget).payload)
	if _, err := sim.WaitRequests(waitCtx(t), func(r []hasim.Request) bool { return len(r) == 1 && r[0].Done }); err != nil {
		t.Fatalf("the function never closed the connection that carried bytes after the answer: %v", err)
	}
	if err := rt.Close(); err != nil { // all its output is in by then
		t.Fatal(err)
	}
	if bytes.Contains(rt.Stderr(), []byte("Unsolicited")) {
		t.Errorf("net/http's line went to standard error:\n%s", rt.Stderr())
	}
	found := false
	for line := range bytes.Lines(rt.Stdout()) {
		var l map[string]any
		if json.Unmarshal(line, &l) != nil {
			continue
		}
		if msg, _ := l["msg"].(string); !strings.Contains(msg, "Unsolicited response") {
			continue
		}
		found = true
		if l["logger"] != "log" || l["level"] != "WARN" {
			t.Errorf("net/http's line = %s; want a WARN line marked as the log package's", line)
		}
	}
	if !found {
		t.Errorf("no JSON log line tells of the bytes after the answer:\nstdout: %s\nstderr: %s", tail(rt.Stdout(), 2000), tail(rt.Stderr(), 2000))
	}
	// startFunction's cleanup searches stdout and stderr for every secret.
}

// TestIdempotencyHeaders: HA_HEADERS holding Idempotency-Key or
// X-Idempotency-Key (any case) stops the function at init with one line
// naming the variable and the header, since Go's transport would replay a
// dropped POST carrying one; and a gateway given such a header anyway
// (its configuration built by hand) still never sends a POST twice.
func TestIdempotencyHeaders(t *testing.T) {
	t.Run("refused at init", func(t *testing.T) {
		for _, name := range []string{"Idempotency-Key", "x-idempotency-key"} {
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				rt := startFunction(t, "HA_URL=http://"+closedAddr(t),
					`HA_HEADERS={"CF-Access-Client-Secret":"`+headerSecret+`","`+name+`":"`+headerSecret+`"}`)
				ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
				defer cancel()
				res, err := rt.Invoke(ctx, sample(t, turnOn))
				var exit *harness.ExitError
				if !errors.As(err, &exit) {
					var answer []byte
					if res != nil {
						answer = res.Payload
					}
					t.Fatalf("Invoke = %v, answer %s; want an init failure", err, answer)
				}
				lines := bytes.Split(bytes.TrimSpace(append(rt.Stdout(), rt.Stderr()...)), []byte("\n"))
				if len(lines) != 1 || !bytes.Contains(lines[0], []byte(config.VarHeaders)) || !bytes.Contains(lines[0], []byte(name)) {
					t.Errorf("init output %q; want one line naming %s and %s", lines, config.VarHeaders, name)
				}
			})
		}
	})
	t.Run("never sent twice", func(t *testing.T) {
		t.Parallel()
		sim := startSim(t, hasim.Settings{}, "")
		g := headerGateway(t, sim.URL(), map[string]string{"CF-Access-Client-Secret": headerSecret, "Idempotency-Key": "k-1", "X-Idempotency-Key": "k-2"})
		body := sample(t, turnOn)
		call := func() (*gateway.HAResult, error) {
			ctx, cancel := context.WithTimeout(context.Background(), defaultBudget)
			defer cancel()
			return g.CallHomeAssistant(ctx, gateway.SmartHomePath, directiveToken, body)
		}
		if res, err := call(); err != nil || res.Status != 200 {
			t.Fatalf("first call: %v, %v", res, err)
		}
		if err := sim.Inject(hasim.Fault{Path: gateway.SmartHomePath, Count: 1, Kind: hasim.KindDrop}); err != nil {
			t.Fatal(err)
		}
		_, err := call()
		var he *gateway.HAError
		if !errors.As(err, &he) || he.Kind != gateway.HTTPReset {
			t.Errorf("dropped call = %v; want a reset", err)
		}
		if got := sim.Count(gateway.SmartHomePath); got != 2 {
			t.Errorf("Home Assistant received %d requests for two calls, want 2: the dropped POST was sent again", got)
		}
	})
}

// headerGateway is an in-process gateway relaying to haURL with headers
// as HA_HEADERS, which config.Load would refuse for some of them.
func headerGateway(t *testing.T, haURL string, headers map[string]string) *gateway.Gateway {
	t.Helper()
	cfg := &config.Config{
		HAURL:          haURL,
		Token:          fallbackToken,
		VerifyTLS:      true,
		Headers:        headers,
		Timeout:        7 * time.Second,
		Tier:           config.TierStandard,
		LogLevel:       "debug",
		MetricsEnabled: true,
	}
	g, err := gateway.New(cfg, gateway.Options{Stdout: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(g.Close)
	return g
}
