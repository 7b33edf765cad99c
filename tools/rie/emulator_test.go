package rie

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/lee-engine/lee/tools/internal/alexatest"
)

func TestFloorUnderEmulator(t *testing.T) {
	rie := requireRIE(t)
	event := alexatest.Directive(t, "PowerController.TurnOn")
	var mu sync.Mutex
	var gotAuth, gotPath string
	var gotBody []byte
	ha := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		gotAuth, gotPath, gotBody = r.Header.Get("Authorization"), r.URL.Path, b
		mu.Unlock()
		_, _ = io.WriteString(w, `{"event":{"header":{"name":"Response"}}}`)
	}))
	defer ha.Close()

	e := startEmulator(t, Settings{RIEPath: rie, Binary: buildFloor(t), Env: []string{"HA_URL=" + ha.URL}})
	for i := range 2 { // a cold then a warm invocation
		got, err := e.Invoke(testContext(t), event)
		if err != nil {
			t.Fatalf("Invoke %d: %v", i, err)
		}
		if string(got) != `{"event":{"header":{"name":"Response"}}}` {
			t.Errorf("Invoke %d = %s", i, got)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	// The floor takes the event as a json.RawMessage, which drops the white
	// space around it.
	if gotAuth != "Bearer "+alexatest.FixtureToken || gotPath != "/api/alexa/smart_home" || string(gotBody) != strings.TrimSpace(string(event)) {
		t.Errorf("Home Assistant got auth %q path %q body %s", gotAuth, gotPath, gotBody)
	}
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(e.Stdout()), "REPORT RequestId:") {
		t.Errorf("no REPORT line in the emulator's stdout: %s", e.Stdout())
	}
}

func TestEmulatorReportsFunctionErrorsAndExits(t *testing.T) {
	rie := requireRIE(t)
	t.Run("function error", func(t *testing.T) {
		ha := httptest.NewServer(http.NotFoundHandler())
		url := ha.URL
		ha.Close()
		e := startEmulator(t, Settings{RIEPath: rie, Binary: buildFloor(t), Env: []string{"HA_URL=" + url}})
		got, err := e.Invoke(testContext(t), []byte(`{"directive":{}}`))
		if err != nil {
			t.Fatalf("Invoke: %v", err)
		}
		var fe struct {
			Message string `json:"errorMessage"`
			Type    string `json:"errorType"`
		}
		if err := json.Unmarshal(got, &fe); err != nil || !strings.Contains(fe.Message, "floor: post to home assistant") || fe.Type == "" {
			t.Errorf("answer = %s (%v)", got, err)
		}
	})
	t.Run("process exits at init", func(t *testing.T) {
		e := startEmulator(t, Settings{RIEPath: rie, Binary: script(t, "echo init failing >&2\nexit 1\n")})
		_, err := e.Invoke(testContext(t), []byte(`{}`))
		var se *StatusError
		if !errors.As(err, &se) || se.StatusCode != http.StatusBadGateway {
			t.Fatalf("err = %v, want the emulator's 502", err)
		}
		if err := e.Close(); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(e.Stdout()), "init failing") {
			t.Errorf("the function's stderr was not captured: %s", e.Stdout())
		}
		if !strings.Contains(string(e.Stderr()), "exit status 1") {
			t.Errorf("the emulator's warning was not captured: %s", e.Stderr())
		}
	})
}

func TestStartErrors(t *testing.T) {
	rie := requireRIE(t)
	tests := []struct {
		name string
		s    Settings
	}{
		{"no binary", Settings{RIEPath: rie}},
		{"missing binary", Settings{RIEPath: rie, Binary: filepath.Join(t.TempDir(), "nope")}},
		{"missing emulator", Settings{RIEPath: filepath.Join(t.TempDir(), "nope"), Binary: script(t, "exit 0\n")}},
		{"emulator exits at once", Settings{RIEPath: script(t, "exit 7\n"), Binary: script(t, "exit 0\n")}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if e, err := Start(testContext(t), tc.s); err == nil {
				_ = e.Close()
				t.Fatal("Start succeeded")
			}
		})
	}
}

func TestCloseIsIdempotent(t *testing.T) {
	e, err := Start(testContext(t), Settings{RIEPath: requireRIE(t), Binary: script(t, "exit 0\n")})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		if err := e.Close(); err != nil {
			t.Errorf("Close %d: %v", i, err)
		}
	}
	if _, err := e.Invoke(testContext(t), []byte(`{}`)); err == nil {
		t.Error("Invoke after Close succeeded")
	}
}
