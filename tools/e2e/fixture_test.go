package e2e

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/lee-engine/lee/tools/harness"
	"github.com/lee-engine/lee/tools/hasim"
	"github.com/lee-engine/lee/tools/internal/alexatest"
)

// The secrets of these tests. The function is given or sent each of them
// and must never write one to stdout or stderr.
const (
	// directiveToken is the bearer token of the project's fixture directives.
	directiveToken = alexatest.FixtureToken
	// sampleToken is the bearer token of Amazon's sample directives.
	sampleToken = "access-token-from-skill"
	// fallbackToken is HA_TOKEN where a test configures one.
	fallbackToken = "fallback-token-7c1e9b52d4a8"
	// headerSecret is the value of a header in HA_HEADERS.
	headerSecret = "cf-access-secret-3b8e61f0a2c9"
)

var secrets = []string{directiveToken, sampleToken, fallbackToken, headerSecret}

// headersEnv is HA_HEADERS as a Cloudflare Access service token would set it.
const headersEnv = `HA_HEADERS={"CF-Access-Client-Id":"lee-e2e.access","CF-Access-Client-Secret":"` + headerSecret + `"}`

// invokeTimeout bounds every wait for an answer.
const invokeTimeout = 20 * time.Second

// startSim starts a simulator on 127.0.0.1 that accepts the directive token
// (index 0) and the fallback token (index 1) unless s names its own tokens,
// with faults injected.
func startSim(t *testing.T, s hasim.Settings, faults ...hasim.Fault) *hasim.Server {
	t.Helper()
	if s.Tokens == nil {
		s.Tokens = []string{directiveToken, fallbackToken}
	}
	sim, err := hasim.Start(s, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := sim.Close(); err != nil {
			t.Errorf("close simulator: %v", err)
		}
	})
	for _, f := range faults {
		if err := sim.Inject(f); err != nil {
			t.Fatal(err)
		}
	}
	return sim
}

// startFunction runs the bootstrap under the harness with LOG_LEVEL=debug,
// HA_HEADERS and env (later entries win). When the test ends the process is
// stopped and its whole output is searched for the secrets.
func startFunction(t *testing.T, env ...string) *harness.Runtime {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), invokeTimeout)
	defer cancel()
	rt, err := harness.Start(ctx, harness.Settings{
		Binary: bootstrap,
		Env:    append([]string{"LOG_LEVEL=debug", headersEnv}, env...),
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := rt.Close(); err != nil {
			t.Errorf("close function: %v", err)
		}
		checkNoSecrets(t, "stdout", rt.Stdout())
		checkNoSecrets(t, "stderr", rt.Stderr())
	})
	return rt
}

// checkNoSecrets fails the test when output holds any of the secrets.
func checkNoSecrets(t *testing.T, stream string, output []byte) {
	t.Helper()
	for _, s := range leakedSecrets(output) {
		t.Errorf("the function's %s shows the secret %q:\n%s", stream, s, output)
	}
}

// leakedSecrets lists the secrets that occur in output.
func leakedSecrets(output []byte) []string {
	var found []string
	for _, s := range secrets {
		if bytes.Contains(output, []byte(s)) {
			found = append(found, s)
		}
	}
	return found
}

// invoke sends event and returns the answer; no answer at all fails the
// test (a function error is an answer).
func invoke(t *testing.T, rt *harness.Runtime, event []byte) *harness.Result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), invokeTimeout)
	defer cancel()
	res, err := rt.Invoke(ctx, event)
	if err != nil {
		t.Fatalf("invoke: no answer: %v\nstderr: %s", err, rt.Stderr())
	}
	return res
}

// payload returns a successful answer's body; a function error fails the
// test.
func payload(t *testing.T, res *harness.Result) []byte {
	t.Helper()
	if res.Error != nil {
		t.Fatalf("function error instead of an answer: %v", res.Error)
	}
	return res.Payload
}

// smartHomeRequests counts what the simulator received on the Smart Home path.
func smartHomeRequests(sim *hasim.Server) int {
	return sim.Count("/api/alexa/smart_home")
}

// lastRequest is the simulator's newest record; it fails the test when there
// is none.
func lastRequest(t *testing.T, sim *hasim.Server) hasim.Request {
	t.Helper()
	reqs := sim.Requests()
	if len(reqs) == 0 {
		t.Fatal("the simulator received no request")
	}
	return reqs[len(reqs)-1]
}

func hasAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
