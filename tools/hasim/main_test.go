package hasim_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/lee-engine/lee/tools/hasim"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	// net/http lingers up to half a second in closeWriteAndWait after it
	// refuses an oversized body, on its own after the server has closed.
	goleak.VerifyTestMain(m, goleak.IgnoreAnyFunction("net/http.(*conn).closeWriteAndWait"))
}

// testToken is the token the test servers accept; it is the one Amazon's
// sample directives carry.
const testToken = "access-token-from-skill"

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

// fataler is what the helpers need of a *testing.T or a *rapid.T.
type fataler interface {
	Helper()
	Fatalf(format string, args ...any)
}

// alexaDir is shared/alexa, found from the module root (the folder with
// go.mod above the test's working directory) as ../../shared/alexa.
func alexaDir(t fataler) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatalf("getwd: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("no go.mod above the test directory")
		}
		dir = parent
	}
	alexa := filepath.Join(dir, "..", "..", "shared", "alexa")
	if _, err := os.Stat(filepath.Join(alexa, "validation_schemas")); err != nil {
		t.Fatalf("Alexa test data missing: %s must hold validation_schemas and sample_messages (shared/alexa beside the repository): %v", alexa, err)
	}
	return alexa
}

var (
	schemaOnce sync.Once
	schema     *jsonschema.Schema
	schemaErr  error
)

// validateAlexa checks body against Amazon's Smart Home message schema.
func validateAlexa(t fataler, body []byte) {
	t.Helper()
	path := filepath.Join(alexaDir(t), "validation_schemas", "alexa_smart_home_message_schema.json")
	schemaOnce.Do(func() {
		c := jsonschema.NewCompiler()
		c.DefaultDraft(jsonschema.Draft4)
		schema, schemaErr = c.Compile(path)
	})
	if schemaErr != nil {
		t.Fatalf("compile Alexa schema: %v", schemaErr)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("answer is not JSON: %v", err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("answer does not match the Alexa schema: %v\n%s", err, body)
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
