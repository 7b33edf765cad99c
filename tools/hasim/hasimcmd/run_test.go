package hasimcmd_test

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/lee-engine/lee/tools/hasim/hasimcmd"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// lineWriter collects output and signals when the first line is complete.
type lineWriter struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	once sync.Once
	line chan string
}

func newLineWriter() *lineWriter { return &lineWriter{line: make(chan string, 1)} }

func (w *lineWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	n, _ := w.buf.Write(p)
	if s := w.buf.String(); strings.Contains(s, "\n") {
		w.once.Do(func() { w.line <- strings.SplitN(s, "\n", 2)[0] })
	}
	return n, nil
}

func (w *lineWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// running is a Run in progress.
type running struct {
	line   string
	cancel context.CancelFunc
	code   chan int
	stderr *lineWriter
}

// start runs the command and waits for its first line of output.
func start(t *testing.T, args ...string) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out, errOut := newLineWriter(), newLineWriter()
	r := &running{cancel: cancel, code: make(chan int, 1), stderr: errOut}
	go func() { r.code <- hasimcmd.Run(ctx, args, out, errOut) }()
	select {
	case r.line = <-out.line:
	case code := <-r.code:
		cancel()
		t.Fatalf("exited with %d before printing: %s", code, errOut)
	case <-t.Context().Done():
		t.Fatal("no output")
	}
	return r
}

// stop cancels the run and returns its exit code.
func (r *running) stop() int {
	r.cancel()
	return <-r.code
}

func get(t *testing.T, client *http.Client, url, token string) int {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

func TestServesUntilCancelled(t *testing.T) {
	t.Setenv("LEE_TEST_HA_TOKEN", "env-token")
	r := start(t, "--addr", "127.0.0.1:0", "--token", "flag-token", "--token-env", "LEE_TEST_HA_TOKEN",
		"--fault", `{"kind":"status","status":503,"count":1,"path":"/api/states"}`, "--verbose")
	if !strings.HasPrefix(r.line, "http://127.0.0.1:") || strings.Contains(r.line, " ") {
		t.Fatalf("line %q", r.line)
	}
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()
	for _, tc := range []struct {
		path, token string
		want        int
	}{
		{"/api/", "flag-token", 200},
		{"/api/", "env-token", 200},
		{"/api/", "other", 401},
		{"/api/states", "flag-token", 503},
		{"/api/states", "flag-token", 200},
	} {
		if got := get(t, client, r.line+tc.path, tc.token); got != tc.want {
			t.Errorf("%s with %s: %d, want %d", tc.path, tc.token, got, tc.want)
		}
	}
	client.CloseIdleConnections()
	if code := r.stop(); code != 0 {
		t.Errorf("exit code %d", code)
	}
	logs := r.stderr.String()
	if !strings.Contains(logs, "path=/api/states") {
		t.Errorf("--verbose logged no request: %s", logs)
	}
	for _, secret := range []string{"flag-token", "env-token"} {
		if strings.Contains(logs, secret) {
			t.Errorf("a token appears in the log")
		}
	}
}

func TestTLSPrintsCAFile(t *testing.T) {
	for _, name := range []string{"temporary", "chosen"} {
		t.Run(name, func(t *testing.T) {
			args := []string{"--addr", "127.0.0.1:0", "--token", "tok", "--tls"}
			chosen := filepath.Join(t.TempDir(), "ca.pem")
			if name == "chosen" {
				args = append(args, "--ca-out", chosen)
			}
			r := start(t, args...)
			url, caFile, ok := strings.Cut(r.line, " ")
			if !ok || !strings.HasPrefix(url, "https://127.0.0.1:") || (name == "chosen" && caFile != chosen) {
				r.stop()
				t.Fatalf("line %q", r.line)
			}
			pemBytes, err := os.ReadFile(caFile)
			if err != nil {
				r.stop()
				t.Fatal(err)
			}
			pool := x509.NewCertPool()
			pool.AppendCertsFromPEM(pemBytes)
			client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
			got := get(t, client, url+"/api/", "tok")
			client.CloseIdleConnections()
			if code := r.stop(); code != 0 || got != 200 {
				t.Errorf("status %d, exit %d", got, code)
			}
			_, err = os.Stat(caFile)
			if name == "temporary" && !os.IsNotExist(err) {
				t.Errorf("temporary CA file left behind: %v", err)
			}
			if name == "chosen" && err != nil {
				t.Errorf("chosen CA file removed: %v", err)
			}
		})
	}
}

func TestBadArguments(t *testing.T) {
	t.Setenv("LEE_TEST_EMPTY", "")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no token", []string{"--addr", "127.0.0.1:0"}, "no token"},
		{"empty env", []string{"--token-env", "LEE_TEST_EMPTY"}, "LEE_TEST_EMPTY is empty"},
		{"all interfaces", []string{"--token", "t", "--addr", ":8123"}, "not a loopback address"},
		{"remote ip", []string{"--token", "t", "--addr", "192.0.2.1:8123"}, "not a loopback address"},
		{"host name", []string{"--token", "t", "--addr", "example.invalid:8123"}, "not a loopback address"},
		{"no port", []string{"--token", "t", "--addr", "127.0.0.1"}, `--addr "127.0.0.1": address 127.0.0.1: missing port`},
		{"bad fault", []string{"--token", "t", "--fault", `{"kind":"nope"}`}, "unknown kind"},
		{"ca-out without tls", []string{"--token", "t", "--ca-out", "x.pem"}, "--ca-out needs --tls"},
		{"stray argument", []string{"--token", "t", "extra"}, "unexpected argument"},
		{"unknown flag", []string{"--tokne", "t"}, "flag provided but not defined"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := hasimcmd.Run(t.Context(), tc.args, &out, &errOut)
			if code != 2 || out.Len() != 0 || !strings.Contains(errOut.String(), tc.want) {
				t.Errorf("exit %d, stdout %q, stderr %q", code, out.String(), errOut.String())
			}
			if n := strings.Count(errOut.String(), tc.want); n != 1 {
				t.Errorf("%q printed %d times, want once:\n%s", tc.want, n, errOut.String())
			}
			if !strings.HasPrefix(errOut.String(), "lee ha-sim: ") || !strings.Contains(errOut.String(), "usage: lee ha-sim") {
				t.Errorf("stderr is not the error line followed by the usage:\n%s", errOut.String())
			}
		})
	}
}

func TestHelpGoesToStdout(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := hasimcmd.Run(t.Context(), []string{"-h"}, &out, &errOut); code != 0 || errOut.Len() != 0 ||
		!strings.HasPrefix(out.String(), "usage: lee ha-sim") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out.String(), errOut.String())
	}
}

// TestBusyPortSuggestsAddr starts a second simulator on the first one's
// port: the error must say the port is taken and how to choose another.
func TestBusyPortSuggestsAddr(t *testing.T) {
	r := start(t, "--addr", "127.0.0.1:0", "--token", "t")
	defer r.stop()
	addr := strings.TrimPrefix(r.line, "http://")
	var out, errOut bytes.Buffer
	if code := hasimcmd.Run(t.Context(), []string{"--addr", addr, "--token", "t"}, &out, &errOut); code != 1 || out.Len() != 0 {
		t.Errorf("second server on %s: exit %d, stdout %q, stderr %q", addr, code, out.String(), errOut.String())
	}
	for _, want := range []string{"address already in use", "another program listens on " + addr, "--addr 127.0.0.1:0"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("stderr %q lacks %q", errOut.String(), want)
		}
	}
	if n := strings.Count(errOut.String(), "\n"); n != 1 {
		t.Errorf("stderr has %d lines, want one:\n%s", n, errOut.String())
	}
}
