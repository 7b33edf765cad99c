package conformance

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lee-engine/lee/tools/harness"
	"github.com/lee-engine/lee/tools/internal/alexa"
	"github.com/lee-engine/lee/tools/internal/alexatest"
)

// smartHomePath is where the function must send every directive, under
// HA_URL.
const smartHomePath = "/api/alexa/smart_home"

// headerSecret is the value of the header HA_HEADERS configures, as a
// Cloudflare Access service token would be.
const headerSecret = "cf-access-secret-5e0a93c7"

// secrets are what the function is given or sent and must never write to
// its output or put in an answer of its own.
var secrets = []string{sampleToken, alexatest.FixtureToken, headerSecret}

// invokeTimeout bounds every wait for an answer.
const invokeTimeout = 20 * time.Second

// startFunction runs the bootstrap under the harness in front of ha, with
// LOG_LEVEL=debug and HA_HEADERS. When the test ends the process is
// stopped and its whole output is searched for the secrets.
func startFunction(t *testing.T, ha *standIn) *harness.Runtime {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), invokeTimeout)
	defer cancel()
	rt, err := harness.Start(ctx, harness.Settings{
		Binary: bootstrap(t),
		Env: []string{"HA_URL=" + ha.URL(), "LOG_LEVEL=debug",
			`HA_HEADERS={"CF-Access-Client-Id":"lee-conformance.access","CF-Access-Client-Secret":"` + headerSecret + `"}`},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := rt.Close(); err != nil {
			t.Errorf("close the function: %v", err)
		}
		for stream, out := range map[string][]byte{"stdout": rt.Stdout(), "stderr": rt.Stderr()} {
			for _, s := range secrets {
				if bytes.Contains(out, []byte(s)) {
					t.Errorf("the function's %s shows the secret %q", stream, s)
				}
			}
		}
	})
	return rt
}

// invoke sends event and returns the function's answer; no answer, or a
// function error instead of one, fails the test.
func invoke(t *testing.T, rt *harness.Runtime, event []byte) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), invokeTimeout)
	defer cancel()
	res, err := rt.Invoke(ctx, event)
	if err != nil {
		t.Fatalf("invoke: no answer: %v\nstderr: %s", err, rt.Stderr())
	}
	if res.Error != nil {
		t.Fatalf("function error instead of an answer: %v", res.Error)
	}
	return res.Payload
}

// TestRelaySamples relays every directive among Amazon's samples through
// one function process to a Home Assistant stand-in that answers each with
// Amazon's sample answer to it: Home Assistant receives exactly one POST to
// /api/alexa/smart_home with the directive unchanged, the directive's own
// token and the HA_HEADERS header, and the function returns the answer
// byte for byte.
func TestRelaySamples(t *testing.T) {
	directives := sampleDirectives(t, leastSampleDirectives)
	ha := startStandIn(t)
	rt := startFunction(t, ha)
	for _, s := range directives {
		t.Run(s.name, func(t *testing.T) {
			answer := sampleAnswer(t, s)
			ha.set(http.StatusOK, "application/json", answer)
			got := invoke(t, rt, s.data)
			if !bytes.Equal(got, answer) {
				t.Errorf("the answer differs from Home Assistant's:\n got %s\nwant %s", got, answer)
			}
			reqs := ha.take()
			if len(reqs) != 1 {
				t.Fatalf("Home Assistant received %d requests, want 1", len(reqs))
			}
			r := reqs[0]
			if r.method != http.MethodPost || r.path != smartHomePath || r.auth != "Bearer "+sampleToken || !bytes.Equal(r.body, s.data) {
				t.Errorf("Home Assistant received %s %s (the directive's token: %v, %d bytes, the directive unchanged: %v); want POST %s with both",
					r.method, r.path, r.auth == "Bearer "+sampleToken, len(r.body), bytes.Equal(r.body, s.data), smartHomePath)
			}
			if r.secretHeader != headerSecret {
				t.Error("Home Assistant did not receive the HA_HEADERS header")
			}
		})
	}
}

// answerFiles names Amazon's sample answer to the sample directives whose
// answer is not the .response.json beside them.
var answerFiles = map[string]string{
	"StateReport/ReportState.json":                            "StateReport/StateReport.json",
	"SceneController/SceneController.Activate.request.json":   "SceneController/SceneController.ActivationStarted.message.json",
	"SceneController/SceneController.Deactivate.request.json": "SceneController/SceneController.DeactivationStarted.message.json",
}

// sampleAnswer is Amazon's sample answer to the directive s, or the
// project's TurnOn answer when the checkout has none for it.
func sampleAnswer(t *testing.T, s sample) []byte {
	t.Helper()
	rel, ok := answerFiles[s.name]
	if !ok {
		rel = strings.TrimSuffix(s.name, ".request.json") + ".response.json"
	}
	b, err := os.ReadFile(filepath.Join(alexatest.SamplesDir(t), filepath.FromSlash(rel)))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		t.Logf("no sample answer %s: Home Assistant answers the project's TurnOn answer", rel)
		return alexatest.Answer(t, "PowerController.TurnOn")
	case err != nil:
		t.Fatal(err)
	}
	return b
}

// TestSampleErrorAnswers makes Home Assistant fail every directive among
// Amazon's samples in three ways (401, 404, 503) and checks the
// ErrorResponse the function builds itself: the error of the error table
// (INVALID_AUTHORIZATION_CREDENTIAL, INTERNAL_ERROR, BRIDGE_UNREACHABLE;
// Alexa.Authorization ACCEPT_GRANT_FAILED for AcceptGrant), valid against
// Amazon's schema, keeping the project's rules as the answer to the
// directive (its correlationToken, endpointId and cookie), after exactly
// one request, and without a secret. A relayed fixture directive between
// failures keeps the circuit breaker closed.
func TestSampleErrorAnswers(t *testing.T) {
	schema := alexatest.Schema(t)
	directives := sampleDirectives(t, leastSampleDirectives)
	ha := startStandIn(t)
	rt := startFunction(t, ha)
	turnOn, turnOnAnswer := alexatest.Directive(t, "PowerController.TurnOn"), alexatest.Answer(t, "PowerController.TurnOn")
	failures := []struct {
		status int
		want   string
	}{
		{http.StatusUnauthorized, "INVALID_AUTHORIZATION_CREDENTIAL"},
		{http.StatusNotFound, "INTERNAL_ERROR"},
		{http.StatusServiceUnavailable, "BRIDGE_UNREACHABLE"},
	}
	for _, f := range failures {
		for _, s := range directives {
			t.Run(http.StatusText(f.status)+"/"+s.name, func(t *testing.T) {
				ha.set(f.status, "text/plain; charset=utf-8", []byte(http.StatusText(f.status)))
				answer := invoke(t, rt, s.data)
				if n := len(ha.take()); n != 1 {
					t.Errorf("Home Assistant received %d requests, want 1", n)
				}
				checkErrorAnswer(t, schema, s.data, answer, f.want)

				ha.set(http.StatusOK, "application/json", turnOnAnswer)
				if got := invoke(t, rt, turnOn); !bytes.Equal(got, turnOnAnswer) {
					t.Errorf("the relay after the failure answered %s", got)
				}
				ha.take()
			})
		}
	}
}

// checkErrorAnswer checks the function's answer to directive is the
// ErrorResponse of type want (ACCEPT_GRANT_FAILED in Alexa.Authorization
// for an AcceptGrant), valid against schema and by the project's rules as
// the answer to directive, with no secret in it.
func checkErrorAnswer(t *testing.T, schema *alexa.Schema, directive, answer []byte, want string) {
	t.Helper()
	var m alexa.Message
	if err := json.Unmarshal(answer, &m); err != nil {
		t.Fatalf("the answer is not JSON: %v\n%s", err, answer)
	}
	wantNS := "Alexa"
	if d := directiveOf(directive); d != nil && d.IsAcceptGrant() {
		wantNS, want = "Alexa.Authorization", "ACCEPT_GRANT_FAILED"
	}
	if h := m.Event.Header; h.Namespace != wantNS || h.Name != "ErrorResponse" || m.Event.Payload.Type != want {
		t.Errorf("answer %s.%s of type %q, want %s.ErrorResponse of type %s\n%s", h.Namespace, h.Name, m.Event.Payload.Type, wantNS, want, answer)
	}
	if err := schema.Validate(answer); err != nil {
		t.Errorf("not valid against Amazon's schema: %v\n%s", err, answer)
	}
	if err := alexa.CheckAnswer(directive, answer); err != nil {
		t.Errorf("%v\n%s", err, answer)
	}
	for _, s := range secrets {
		if bytes.Contains(answer, []byte(s)) {
			t.Errorf("the answer shows the secret %q", s)
		}
	}
}
