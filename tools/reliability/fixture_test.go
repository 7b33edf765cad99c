package reliability

import (
	"bytes"
	"context"
	"errors"
	"net"
	"slices"
	"testing"
	"time"

	"github.com/lee-engine/lee/tools/harness"
	"github.com/lee-engine/lee/tools/hasim"
	"github.com/lee-engine/lee/tools/internal/alexatest"
)

// validate fails the test when got is not a valid answer to directive:
// the project's rules (the shape of the event, the correlationToken and
// endpoint kept) and, when its data is at hand, Amazon's Smart Home schema.
func validate(t *testing.T, directive, got []byte) {
	t.Helper()
	if err := alexatest.CheckAnswer(t, directive, got); err != nil {
		t.Errorf("answer is not valid: %v\nanswer: %s", err, got)
	}
}

// sample reads one of the project's fixture directives (see
// alexatest.Directive) with its token replaced by directiveToken.
func sample(t *testing.T, name string) []byte {
	t.Helper()
	b := alexatest.Directive(t, name)
	if !bytes.Contains(b, []byte(alexatest.FixtureToken)) {
		t.Fatalf("fixture %s no longer carries the token %q", name, alexatest.FixtureToken)
	}
	return bytes.ReplaceAll(b, []byte(alexatest.FixtureToken), []byte(directiveToken))
}

// The three directives of the fault matrix, by fixture name.
const (
	turnOn      = "PowerController.TurnOn"
	discovery   = "Discovery.Discover"
	acceptGrant = "Authorization.AcceptGrant"
)

// directives are the matrix's directives in the order of its sub-tests.
var directives = []string{turnOn, discovery, acceptGrant}

// simTokens are the tokens every simulator accepts, at the start of its
// Settings.Tokens (a request log's TokenIndex counts from them).
var simTokens = []string{directiveToken, fallbackToken, ssmToken}

// startSim starts a simulator on addr (a free 127.0.0.1 port when empty)
// that accepts simTokens, then the tokens of s; it is closed when the test
// ends.
func startSim(t *testing.T, s hasim.Settings, addr string) *hasim.Server {
	t.Helper()
	s.Tokens = append(slices.Clone(simTokens), s.Tokens...)
	sim, err := hasim.Start(s, addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := sim.Close(); err != nil {
			t.Errorf("close simulator: %v", err)
		}
	})
	return sim
}

// baseEnv is what every function process gets before the test's own
// variables: debug logs and every secret (the fallback token, the header
// secret, the client certificate and key for mTLS), so that each scenario
// is also a search for leaks.
func baseEnv(t *testing.T) []string {
	t.Helper()
	pki := certs(t)
	return []string{
		"LOG_LEVEL=debug",
		"HA_TOKEN=" + fallbackToken,
		headersEnv,
		"HA_CLIENT_CERT_FILE=" + pki.Client.CertFile,
		"HA_CLIENT_KEY_FILE=" + pki.Client.KeyFile,
	}
}

// startFunction runs the bootstrap under the harness with baseEnv and env
// (later entries win). When the test ends the process is stopped and its
// whole output is searched for every secret.
func startFunction(t *testing.T, env ...string) *harness.Runtime {
	t.Helper()
	return startFunctionWith(t, harness.Settings{Binary: bootstrap(t)}, env...)
}

// startFunctionWith is startFunction for s.Binary with the settings of s
// (its Env is replaced).
func startFunctionWith(t *testing.T, s harness.Settings, env ...string) *harness.Runtime {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	s.Env = append(baseEnv(t), env...)
	rt, err := harness.Start(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := rt.Close(); err != nil {
			t.Errorf("close function: %v", err)
		}
		out, errOut := rt.Stdout(), rt.Stderr()
		checkNoSecrets(t, "the function's stdout", out)
		checkNoSecrets(t, "the function's stderr", errOut)
		recordAudit(len(out) + len(errOut))
	})
	return rt
}

// answer is one invocation's outcome as the tests judge it.
type answer struct {
	payload []byte
	// returned is when Invoke returned: the harness had the answer by then,
	// so returned before deadline proves the answer came in time.
	returned time.Time
	deadline time.Time
}

// invoke sends event with a deadline of budget from now. No answer, or a
// function error instead of one, fails the test.
func invoke(t *testing.T, rt *harness.Runtime, event []byte, budget time.Duration) answer {
	t.Helper()
	deadline := time.Now().Add(budget)
	res, err := rt.InvokeWithDeadline(context.Background(), event, deadline)
	returned := time.Now()
	if errors.Is(err, harness.ErrTimeout) {
		t.Fatalf("no answer before the invocation deadline (%s): %v\nstderr: %s", budget, err, tail(rt.Stderr(), 2000))
	}
	if err != nil {
		t.Fatalf("invoke: no answer: %v\nstderr: %s", err, tail(rt.Stderr(), 2000))
	}
	if res.Error != nil {
		t.Fatalf("function error instead of an answer: %v\nstdout: %s", res.Error, tail(rt.Stdout(), 2000))
	}
	return answer{payload: res.Payload, returned: returned, deadline: deadline}
}

// inTime fails the test when the answer came after the deadline the
// invocation was given.
func (a answer) inTime(t *testing.T) {
	t.Helper()
	if !a.returned.Before(a.deadline) {
		t.Errorf("answered at %s, after the invocation deadline %s",
			a.returned.Format(time.RFC3339Nano), a.deadline.Format(time.RFC3339Nano))
	}
}

// closedAddr is a 127.0.0.1 address nothing listens on, at the time of the
// call.
func closedAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	if err := ln.Close(); err != nil {
		t.Fatal(err)
	}
	return addr
}
