package main

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lee-engine/lee/gateway"
)

// FuzzInvoke feeds arbitrary events to the handler, seeded from the
// project's fixture directives. Whatever arrives, the invocation must not
// panic (Invoke would turn a panic into its generic error, which the
// target treats as a failure), an answer must be JSON, an Alexa answer the
// function built itself must keep the project's ErrorResponse rules
// (checkErrorShape), and no planted secret may appear in the answer or the
// error. (tools/conformance holds the function's answers to Amazon's
// sample directives to Amazon's schema.)
func FuzzInvoke(f *testing.F) {
	seeds, err := filepath.Glob(filepath.Join(fixturesDir, "*.directive.json"))
	if err != nil || len(seeds) == 0 {
		f.Fatalf("no project directives under %s: %v", fixturesDir, err)
	}
	for _, path := range seeds {
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{`{}`, `[]`, `null`, `{"directive":{}}`, `{"directive":{"header":"x"}}`,
		`{"warmup":true}`, `{"version":"2.0","rawPath":"/healthz","requestContext":{"http":{"method":"GET","path":"/healthz"}}}`,
		`{"version":"1.0","request":{"type":"LaunchRequest"},"context":{"System":{"user":{"accessToken":"x y"}}}}`} {
		f.Add([]byte(s))
	}
	answer := fixtureFile(f, turnOnResponse)
	ha := startHA(f, respond(http.StatusOK, "application/json", answer))
	cfg := baseConfig(ha.URL())
	cfg.Timeout = 2 * time.Second
	fx := newFixture(f, cfg, func(o *gateway.Options) { o.Stdout = io.Discard })

	f.Fuzz(func(t *testing.T, event []byte) {
		out, err := fx.h.Invoke(lambdaContext(t, testRequestID, time.Now().Add(time.Minute)), event)
		if err != nil {
			if strings.Contains(err.Error(), "internal error while handling") {
				t.Fatalf("the event made the handler panic: %q", event)
			}
			checkNoSecret(t, "error", err.Error())
			return
		}
		if !json.Valid(out) {
			t.Fatalf("answer is not JSON: %q", out)
		}
		if string(out) == string(answer) {
			return // Home Assistant's own answer, passed through
		}
		var probe struct {
			Event json.RawMessage `json:"event"`
		}
		if json.Unmarshal(out, &probe) == nil && len(probe.Event) > 0 {
			checkErrorShape(t, out)
			return
		}
		checkNoSecret(t, "answer", string(out))
	})
}
