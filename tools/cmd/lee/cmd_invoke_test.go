package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/lee-engine/lee/tools/harness"
	"github.com/lee-engine/lee/tools/internal/alexa"
	"github.com/lee-engine/lee/tools/internal/alexatest"
)

// invokeFloor builds the performance floor into the test's own directory.
func invokeFloor(t *testing.T) string {
	t.Helper()
	path, err := harness.BuildFloor(context.Background(), t.TempDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// invokeSamples writes a sample_messages folder, laid out as Amazon's, of
// the project's own directives, for --samples.
func invokeSamples(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for file, fixture := range map[string]string{
		"PowerController/PowerController.TurnOn.request.json":  "PowerController.TurnOn",
		"Discovery/Discovery.request.json":                     "Discovery.Discover",
		"Authorization/Authorization.AcceptGrant.request.json": "Authorization.AcceptGrant",
	} {
		p := filepath.Join(dir, filepath.FromSlash(file))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, alexatest.Directive(t, fixture), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func invokeForTest(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := runInvoke(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestInvokeCommand(t *testing.T) {
	samples := invokeSamples(t)
	floor := invokeFloor(t)
	var mu sync.Mutex
	var auths []string
	ha := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		mu.Lock()
		auths = append(auths, r.Header.Get("Authorization"))
		mu.Unlock()
		_, _ = io.WriteString(w, `{"event":{"header":{"name":"Response"}}}`)
	}))
	defer ha.Close()
	dir := t.TempDir()
	envFile := filepath.Join(dir, "lee.env")
	if err := os.WriteFile(envFile, []byte("# Home Assistant\nHA_URL="+ha.URL+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	eventFile := filepath.Join(dir, "event.json")
	if err := os.WriteFile(eventFile, []byte(`{"directive":{"payload":{"grantee":{"token":"file-token"}}}}`), 0o600); err != nil {
		t.Fatal(err)
	}

	code, out, errOut := invokeForTest("--binary", floor, "--env-file", envFile, "--samples", samples, "--sample", "PowerController.TurnOn", eventFile, "--quiet-logs")
	if code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	for _, want := range []string{
		"== sample PowerController.TurnOn\nrequest id: ",
		"== " + eventFile + "\nrequest id: ",
		"response:\n{\n  \"event\": {\n    \"header\": {\n      \"name\": \"Response\"\n    }\n  }\n}\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Index(out, "PowerController.TurnOn") > strings.Index(out, eventFile) {
		t.Error("events were not sent in command-line order")
	}
	if strings.Contains(out, "-- function stdout --") {
		t.Error("--quiet-logs still printed the logs")
	}
	mu.Lock()
	defer mu.Unlock()
	if len(auths) != 2 || auths[0] != "Bearer "+alexatest.FixtureToken || auths[1] != "Bearer file-token" {
		t.Errorf("Home Assistant saw %q", auths)
	}
}

func TestInvokeCommandFunctionError(t *testing.T) {
	samples := invokeSamples(t)
	ha := httptest.NewServer(http.NotFoundHandler())
	url := ha.URL
	ha.Close()
	code, out, errOut := invokeForTest("--binary", invokeFloor(t), "--env", "HA_URL="+url, "--samples", samples, "--sample", "Discovery")
	if code != 1 {
		t.Fatalf("exit %d, want 1\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	for _, want := range []string{"function error: ", "connection refused", "-- function stdout --", "-- function stderr --"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestInvokeCommandListsSamples(t *testing.T) {
	code, out, errOut := invokeForTest("--samples", invokeSamples(t), "--sample", "list")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if out != "Authorization.AcceptGrant\nDiscovery\nPowerController.TurnOn\n" {
		t.Errorf("list:\n%s", out)
	}
}

// TestInvokeCommandListsAmazonSamples lists the samples found by default,
// in Amazon's data.
func TestInvokeCommandListsAmazonSamples(t *testing.T) {
	alexatest.SamplesDir(t)
	code, out, errOut := invokeForTest("--sample", "list")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"PowerController.TurnOn\n", "Discovery\n", "Authorization.AcceptGrant\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q:\n%s", want, out)
		}
	}
}

// TestInvokeCommandWithoutAmazonData says how to supply Amazon's samples
// when --sample finds none.
func TestInvokeCommandWithoutAmazonData(t *testing.T) {
	t.Setenv(alexa.DataEnv, "")
	t.Chdir(t.TempDir())
	code, _, errOut := invokeForTest("--sample", "list")
	if code != 1 || !strings.Contains(errOut, "set LEE_ALEXA_DATA") {
		t.Errorf("exit %d, stderr %q; want 1 and how to set LEE_ALEXA_DATA", code, errOut)
	}
}

func TestInvokeCommandUsageErrors(t *testing.T) {
	samples := invokeSamples(t)
	missing := filepath.Join(t.TempDir(), "missing")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"no events", nil, 2, "at least one event"},
		{"unknown flag", []string{"--nope"}, 2, "flag provided but not defined"},
		{"unknown sample", []string{"--samples", samples, "--sample", "No.Such"}, 2, "No.Such"},
		{"missing file", []string{"--", missing}, 2, "no such file"},
		{"bad env", []string{"--env", "NOEQUALS", "--samples", samples, "--sample", "Discovery"}, 2, "KEY=VALUE"},
		{"missing env file", []string{"--env-file", missing, "--samples", samples, "--sample", "Discovery"}, 2, "no such file"},
		{"missing binary", []string{"--binary", missing, "--samples", samples, "--sample", "Discovery"}, 1, "no such file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := invokeForTest(tc.args...)
			if code != tc.wantCode || !strings.Contains(errOut, tc.wantErr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errOut, tc.wantCode, tc.wantErr)
			}
		})
	}
}

func TestInvokeIsRegistered(t *testing.T) {
	if _, ok := commands["invoke"]; !ok {
		t.Fatal("lee invoke is not registered")
	}
}

// TestInvokeQuietLogsKeepsTheInitFailure: --quiet-logs leaves out the
// function's output, but not the line that says why its process exited.
func TestInvokeQuietLogsKeepsTheInitFailure(t *testing.T) {
	dir := t.TempDir()
	fn := filepath.Join(dir, "bootstrap")
	script := "#!/bin/sh\necho '{\"level\":\"INFO\",\"msg\":\"starting\"}' >&2\n" +
		"echo 'lee: init failed: config: HA_URL: required' >&2\nexit 1\n"
	if err := os.WriteFile(fn, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	event := filepath.Join(dir, "event.json")
	if err := os.WriteFile(event, []byte(`{}`), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := invokeForTest("--binary", fn, "--quiet-logs", event)
	if code != 1 {
		t.Fatalf("exit %d, want 1\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	if !strings.Contains(out, "-- function stderr, last line --\nlee: init failed: config: HA_URL: required\n") {
		t.Errorf("the init failure line is missing:\n%s", out)
	}
	if strings.Contains(out, "starting") || strings.Contains(out, "-- function stderr --") {
		t.Errorf("--quiet-logs printed the rest of the logs:\n%s", out)
	}
}
