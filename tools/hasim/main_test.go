package hasim_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/hasim"
	"github.com/lee-engine/lee/tools/internal/alexatest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	// net/http lingers up to half a second in closeWriteAndWait after it
	// refuses an oversized body, on its own after the server has closed.
	goleak.VerifyTestMain(m, goleak.IgnoreAnyFunction("net/http.(*conn).closeWriteAndWait"))
}

// testToken is the token the test servers accept; it is the one the
// project's fixture directives carry.
const testToken = alexatest.FixtureToken

// sim is a started simulator with a client for it.
type sim struct {
	t      *testing.T
	srv    *hasim.Server
	client *http.Client
}

// startSim starts a simulator on loopback; it is closed when the test ends.
func startSim(t *testing.T, s hasim.Settings) *sim {
	t.Helper()
	if s.Tokens == nil {
		s.Tokens = []string{"other-token", testToken}
	}
	srv, err := hasim.Start(s, "")
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	client := &http.Client{Transport: &http.Transport{}}
	t.Cleanup(func() {
		client.CloseIdleConnections()
		if err := srv.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return &sim{t: t, srv: srv, client: client}
}

// do sends a request with "Bearer <token>" (no header when token is "")
// and returns the status, headers and body.
func (s *sim) do(method, path, token, body string) (int, http.Header, []byte) {
	s.t.Helper()
	req, err := http.NewRequest(method, s.srv.URL()+path, strings.NewReader(body))
	if err != nil {
		s.t.Fatalf("new request: %v", err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := s.client.Do(req)
	if err != nil {
		s.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		s.t.Fatalf("%s %s: read body: %v", method, path, err)
	}
	return resp.StatusCode, resp.Header, b
}

// directive sends an Alexa directive and decodes the 200 JSON answer.
func (s *sim) directive(body string) map[string]any {
	s.t.Helper()
	status, h, b := s.do(http.MethodPost, "/api/alexa/smart_home", testToken, body)
	if status != http.StatusOK || h.Get("Content-Type") != "application/json" {
		s.t.Fatalf("directive: status %d, type %q, body %s", status, h.Get("Content-Type"), b)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		s.t.Fatalf("directive answer is not JSON: %v: %s", err, b)
	}
	validateAlexa(s.t, b)
	return m
}

// validateAlexa checks body by the project's shape rules and, when its
// data is at hand, against Amazon's Smart Home message schema.
func validateAlexa(t alexatest.T, body []byte) {
	t.Helper()
	if err := alexatest.Check(t, body); err != nil {
		t.Fatalf("answer is not a valid Alexa event: %v\n%s", err, body)
	}
}

// dig walks a decoded JSON value along keys (strings) and indexes (ints).
func dig(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			a, _ := v.([]any)
			if k >= len(a) {
				return nil
			}
			v = a[k]
		}
	}
	return v
}

// prop returns the value of a context property, nil when absent.
func prop(msg map[string]any, namespace, name string) any {
	props, _ := dig(msg, "context", "properties").([]any)
	for _, p := range props {
		if dig(p, "namespace") == namespace && dig(p, "name") == name {
			return dig(p, "value")
		}
	}
	return nil
}
