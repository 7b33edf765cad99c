package harness

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lee-engine/lee/tools/internal/alexatest"
)

// homeAssistant is a stand-in for Home Assistant's Alexa endpoint that
// records what it was sent.
type homeAssistant struct {
	mu     sync.Mutex
	path   string
	auth   string
	body   []byte
	answer []byte
}

func (h *homeAssistant) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	h.mu.Lock()
	h.path, h.auth, h.body = r.URL.Path, r.Header.Get("Authorization"), body
	h.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(h.answer)
}

func TestFloorRelaysUnderHarness(t *testing.T) {
	ha := &homeAssistant{answer: []byte(`{"event":{"header":{"namespace":"Alexa","name":"Response"}}}`)}
	srv := httptest.NewServer(ha)
	defer srv.Close()
	r := startRuntime(t, Settings{Binary: floorBinary(t), Env: []string{"HA_URL=" + srv.URL + "/"}})

	tests := []struct {
		name  string
		event []byte
		token string
	}{
		{"endpoint scope", alexatest.Directive(t, "PowerController.TurnOn"), alexatest.FixtureToken},
		{"payload scope", alexatest.Directive(t, "Discovery.Discover"), alexatest.FixtureToken},
		{"grantee", []byte(`{"directive":{"payload":{"grantee":{"token":"grantee-token"}}}}`), "grantee-token"},
		{"endpoint before payload", []byte(`{"directive":{"endpoint":{"scope":{"token":"e"}},"payload":{"scope":{"token":"p"}}}}`), "e"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := r.Invoke(testContext(t), tc.event)
			if err != nil {
				t.Fatalf("Invoke: %v", err)
			}
			if res.Error != nil {
				t.Fatalf("function error: %v", res.Error)
			}
			if !bytes.Equal(res.Payload, ha.answer) {
				t.Errorf("payload = %s, want %s", res.Payload, ha.answer)
			}
			ha.mu.Lock()
			defer ha.mu.Unlock()
			if ha.path != "/api/alexa/smart_home" {
				t.Errorf("path = %q", ha.path)
			}
			if ha.auth != "Bearer "+tc.token {
				t.Errorf("Authorization = %q, want Bearer %s", ha.auth, tc.token)
			}
			// The floor takes the event as a json.RawMessage, which drops
			// the white space around it (the fixtures end with a newline).
			if !bytes.Equal(ha.body, bytes.TrimSpace(tc.event)) {
				t.Errorf("Home Assistant got %s, want the event unchanged", ha.body)
			}
		})
	}

	if r.PID() <= 0 || !r.Alive() {
		t.Errorf("PID %d, Alive %v", r.PID(), r.Alive())
	}
	if n, err := r.FDCount(); err != nil || n <= 0 {
		t.Errorf("FDCount = %d, %v", n, err)
	}
	if rss, hwm, err := r.ProcStatus(); err != nil || rss <= 0 || hwm < rss {
		t.Errorf("ProcStatus = %d kB, %d kB, %v", rss, hwm, err)
	}
	// A Go process faults in at least its runtime's pages before it can
	// ask for an event.
	if n, err := r.MinorFaults(); err != nil || n <= 0 {
		t.Errorf("MinorFaults = %d, %v", n, err)
	}
	if _, err := r.CPUTime(); !errors.Is(err, errNotReaped) {
		t.Errorf("CPUTime of a running process: %v, want errNotReaped", err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	// A Go process that answered the relays above has used some CPU.
	if cpu, err := r.CPUTime(); err != nil || cpu <= 0 {
		t.Errorf("CPUTime after Close = %v, %v", cpu, err)
	}
}

func TestFloorFunctionError(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nothing listens there any more: connection refused
	r := startRuntime(t, Settings{Binary: floorBinary(t), Env: []string{"HA_URL=" + url}})
	res, err := r.Invoke(testContext(t), alexatest.Directive(t, "PowerController.TurnOff"))
	if err != nil {
		t.Fatalf("Invoke: %v", err)
	}
	if res.Error == nil {
		t.Fatalf("no function error; payload %s", res.Payload)
	}
	if !strings.Contains(res.Error.Message, "floor: post to home assistant") || !strings.Contains(res.Error.Message, "connection refused") {
		t.Errorf("error = %v", res.Error)
	}
	if strings.Contains(res.Error.Message, alexatest.FixtureToken) {
		t.Error("the token leaked into the error")
	}
}

func TestFloorHonoursDeadline(t *testing.T) {
	cancelled := make(chan struct{})
	release := make(chan struct{})
	var once sync.Once
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// The server notices a client going away only once the body is read.
		_, _ = io.Copy(io.Discard, r.Body)
		select {
		case <-r.Context().Done():
			once.Do(func() { close(cancelled) })
		case <-release:
		}
	}))
	defer srv.Close()
	defer close(release)
	r := startRuntime(t, Settings{Binary: floorBinary(t), Env: []string{"HA_URL=" + srv.URL}})
	ctx := testContext(t)

	res, err := r.InvokeWithDeadline(ctx, []byte(`{"directive":{}}`), time.Now().Add(300*time.Millisecond))
	// Whether the harness gives up first or the function's error arrives
	// first is a race at the deadline; both prove the deadline was enforced.
	switch {
	case errors.Is(err, ErrTimeout):
	case err == nil && res.Error != nil && strings.Contains(res.Error.Message, context.DeadlineExceeded.Error()):
	default:
		t.Fatalf("res = %+v, err = %v; want a timeout", res, err)
	}
	select {
	case <-cancelled:
	case <-ctx.Done():
		t.Fatal("the function's request to Home Assistant outlived the Lambda deadline")
	}
}
