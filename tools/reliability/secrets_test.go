package reliability

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/lee-engine/lee/gateway"
	"github.com/lee-engine/lee/tools/fakessm"
	"github.com/lee-engine/lee/tools/hasim"
)

// tokenParameter is the SSM parameter holding the fallback token.
const tokenParameter = "/lee/reliability/ha-token"

// TestSecrets is the secrets test. Every function process of this package
// (the fault matrix, the TLS cases, the soak, and the SSM cases below) runs
// at LOG_LEVEL=debug with the directive token, HA_TOKEN, an HA_HEADERS
// secret and the mTLS client key configured, and its whole stdout and
// stderr are searched for each of them when it stops (see startFunction);
// every ErrorResponse is searched too. This test proves the search can
// fail, and runs the SSM failures: Parameter Store not finding the
// parameter, refusing access and throttling must each give a clear answer
// and log line without the parameter's value (or the AWS secret key).
func TestSecrets(t *testing.T) {
	t.Run("the search finds every secret", func(t *testing.T) {
		list := secrets(t)
		for _, s := range list {
			out := []byte(`{"msg":"x","v":"` + s.value + `"}`)
			if got := leaks(list, out); len(got) != 1 || got[0] != s.name {
				t.Errorf("output holding %s: search found %v", s.name, got)
			}
		}
		if got := leaks(list, []byte(`{"msg":"nothing to see"}`)); len(got) != 0 {
			t.Errorf("clean output: search found %v", got)
		}
	})
	t.Run("SSM", testSSM)
}

// ssmCase is one behaviour of Parameter Store for the fallback token.
type ssmCase struct {
	name  string
	fail  fakessm.ErrorKind
	unset bool // the parameter does not exist
	// padded stores the parameter's value with white space around it, as
	// a token pasted into the console with a trailing newline.
	padded bool
	// stall replaces Parameter Store by an endpoint that never answers.
	stall bool
	// haToken keeps HA_TOKEN configured, to stand in for SSM.
	haToken bool
	// wantToken is the index in the simulator's tokens of the token Home
	// Assistant must receive; -1 when the directive must fail.
	wantToken int
	// wantType is the Alexa error of a failed read: INTERNAL_ERROR unless
	// set (a stall that uses up the budget is BRIDGE_UNREACHABLE).
	wantType gateway.ErrorType
	// wantWords must all appear in the ErrorResponse's message.
	wantWords []string
}

// testSSM reads the fallback token from Parameter Store (fakessm) for a
// directive that carries no token of its own.
func testSSM(t *testing.T) {
	tests := []ssmCase{
		{name: "value read", wantToken: 2},
		{name: "value with a trailing newline", padded: true, wantToken: 2},
		{name: "parameter not found", unset: true, wantToken: -1, wantWords: []string{"HA_TOKEN_PARAMETER", "does not exist"}},
		{name: "access denied", fail: fakessm.AccessDenied, wantToken: -1, wantWords: []string{"HA_TOKEN_PARAMETER", "ssm:GetParameter"}},
		{name: "throttled", fail: fakessm.Throttling, wantToken: -1, wantWords: []string{"HA_TOKEN_PARAMETER", "throttled"}},
		{name: "HA_TOKEN stands in when SSM fails", fail: fakessm.AccessDenied, haToken: true, wantToken: 1},
		{name: "Parameter Store stalls", stall: true, wantToken: -1, wantType: gateway.BridgeUnreachable, wantWords: []string{"HA_TOKEN_PARAMETER", "time budget"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			runSSM(t, tt)
		})
	}
}

// runSSM relays a directive without a token under tt. A failure must be
// the Alexa error tt wants, naming HA_TOKEN_PARAMETER and the fix, logged,
// with Home Assistant left alone; once Parameter Store answers again the
// next directive must get through with its value.
func runSSM(t *testing.T, tt ssmCase) {
	params := map[string]string{tokenParameter: ssmToken}
	if tt.padded {
		params[tokenParameter] = " " + ssmToken + "\n"
	}
	if tt.unset {
		params = nil
	}
	ssm, err := fakessm.Start(fakessm.Settings{Parameters: params, Error: tt.fail})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ssm.Close() })
	endpoint := ssm.URL()
	if tt.stall {
		endpoint = stalledEndpoint(t)
	}
	sim := startSim(t, hasim.Settings{}, "")
	env := append([]string{"HA_URL=" + sim.URL()}, ssmEnv(endpoint)...)
	if !tt.haToken {
		env = append(env, "HA_TOKEN=")
	}
	rt := startFunction(t, env...)
	directive := withoutScope(t, sample(t, turnOn))
	a := invoke(t, rt, directive, ssmBudget)
	a.inTime(t)
	if tt.wantToken >= 0 {
		checkGood(t, turnOn, directive, a.payload)
		checkTokens(t, sim, tt.wantToken)
		return
	}
	want := gateway.InternalError
	if tt.wantType != "" {
		want = tt.wantType
	}
	checkError(t, directive, a.payload, want)
	msg := decodeEvent(t, a.payload).Event.Payload.Message
	for _, w := range tt.wantWords {
		if !strings.Contains(msg, w) {
			t.Errorf("the ErrorResponse's message %q does not mention %q", msg, w)
		}
	}
	if sim.Count("") != 0 {
		t.Errorf("Home Assistant was called without a token")
	}
	if tt.stall {
		return
	}
	ssm.ForceError("")
	ssm.SetParameter(tokenParameter, ssmToken)
	checkGood(t, turnOn, directive, invoke(t, rt, directive, ssmBudget).payload)
	checkTokens(t, sim, 2)
	if err := rt.Close(); err != nil {
		t.Fatalf("close function: %v", err)
	}
	if !bytes.Contains(rt.Stdout(), []byte("HA_TOKEN_PARAMETER")) {
		t.Errorf("no log line names HA_TOKEN_PARAMETER:\n%s", tail(rt.Stdout(), 3000))
	}
}

// checkTokens wants Home Assistant's requests so far to be one, carrying
// the simulator's token number want.
func checkTokens(t *testing.T, sim *hasim.Server, want int) {
	t.Helper()
	if got := sim.Requests(); len(got) != 1 || got[0].TokenIndex != want {
		t.Errorf("Home Assistant saw %+v, want one request with token %d", got, want)
	}
}

// ssmBudget is the invocation deadline of the SSM cases: the SDK's retries
// of a throttled call fit in it, and a stalled Parameter Store shows in it
// whether the function still answers in time.
const ssmBudget = 3 * time.Second

// stalledEndpoint is a 127.0.0.1 HTTP endpoint that reads requests and
// never answers them, until the client hangs up or the test ends.
func stalledEndpoint(t *testing.T) string {
	t.Helper()
	stop := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		// Reading the body lets the server notice a client that hangs up.
		_, _ = io.Copy(io.Discard, r.Body)
		select {
		case <-r.Context().Done():
		case <-stop:
		}
	}))
	t.Cleanup(func() {
		close(stop)
		srv.Close()
	})
	return srv.URL
}

// ssmEnv points the AWS SDK inside the function at the fake Parameter
// Store, with static credentials and no instance metadata lookups.
func ssmEnv(endpoint string) []string {
	return []string{
		"HA_TOKEN_PARAMETER=" + tokenParameter,
		"AWS_ENDPOINT_URL_SSM=" + endpoint,
		"AWS_ACCESS_KEY_ID=AKIALEERELIABILITY",
		"AWS_SECRET_ACCESS_KEY=" + awsSecretKey,
		"AWS_REGION=eu-west-1",
		"AWS_EC2_METADATA_DISABLED=true",
	}
}

// withoutScope removes the bearer scope of a directive's endpoint, so that
// the function needs its fallback token.
func withoutScope(t *testing.T, directive []byte) []byte {
	t.Helper()
	var m map[string]map[string]map[string]any
	if err := json.Unmarshal(directive, &m); err != nil {
		t.Fatal(err)
	}
	ep, ok := m["directive"]["endpoint"]
	if !ok {
		t.Fatal("the directive has no endpoint")
	}
	delete(ep, "scope")
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte(directiveToken)) {
		t.Fatal("the directive still carries its token")
	}
	return b
}
