//go:build unix

package proc

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"
)

// lineWatcher closes seen once want has been written to it.
type lineWatcher struct {
	want string
	mu   sync.Mutex
	buf  bytes.Buffer
	seen chan struct{}
	once sync.Once
}

// text returns everything written so far.
func (w *lineWatcher) text() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

func newLineWatcher(want string) *lineWatcher {
	return &lineWatcher{want: want, seen: make(chan struct{})}
}

func (w *lineWatcher) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if strings.Contains(w.buf.String(), w.want) {
		w.once.Do(func() { close(w.seen) })
	}
	return len(p), nil
}

// startScript runs a shell script under Start with its stdout kept.
func startScript(t *testing.T, script string, tee io.Writer) (*Process, *Output) {
	t.Helper()
	out := NewOutput(tee)
	cmd := exec.Command("/bin/sh", "-c", script)
	cmd.Stdout = out
	p, err := Start(cmd)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() {
		if err := p.Stop(0); err != nil {
			t.Errorf("Stop: %v", err)
		}
	})
	return p, out
}

func TestStartRefusesWhatCannotRun(t *testing.T) {
	cmd := exec.Command("/nonexistent/lee-proc-test")
	if p, err := Start(cmd); err == nil {
		_ = p.Stop(0)
		t.Fatal("Start of a missing executable succeeded")
	}
}

func TestProcessExitIsObserved(t *testing.T) {
	p, out := startScript(t, "echo hello; exit 3", nil)
	<-p.Exited()
	if p.Alive() {
		t.Error("Alive after Exited closed")
	}
	if code := p.State().ExitCode(); code != 3 {
		t.Errorf("exit code = %d, want 3", code)
	}
	var exitErr *exec.ExitError
	if !errors.As(p.WaitErr(), &exitErr) {
		t.Errorf("WaitErr = %v, want an *exec.ExitError", p.WaitErr())
	}
	if got := string(out.Bytes()); got != "hello\n" {
		t.Errorf("output = %q", got)
	}
	if err := p.Stop(time.Hour); err != nil {
		t.Errorf("Stop after exit: %v", err)
	}
	if err := p.Kill(); err != nil {
		t.Errorf("Kill of an empty group: %v", err)
	}
}

func TestStopTerminatesGently(t *testing.T) {
	ready := newLineWatcher("ready")
	p, _ := startScript(t, `trap 'echo terminated; exit 0' TERM; echo ready; while :; do sleep 1; done`, ready)
	<-ready.seen
	if p.PID() <= 0 {
		t.Fatalf("PID = %d", p.PID())
	}
	if err := p.Stop(time.Hour); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	if p.Alive() {
		t.Fatal("alive after Stop")
	}
	if st := p.State(); !st.Exited() || st.ExitCode() != 0 {
		t.Errorf("state = %v, want a clean exit from the TERM trap", st)
	}
	if got := ready.text(); !strings.Contains(got, "terminated") {
		t.Errorf("the TERM trap did not run: %q", got)
	}
}

func TestStopEscalatesToKill(t *testing.T) {
	ready := newLineWatcher("ready")
	p, _ := startScript(t, `trap '' TERM; echo ready; while :; do sleep 1; done`, ready)
	<-ready.seen
	if err := p.Stop(time.Millisecond); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	if st := p.State().String(); st != "signal: killed" {
		t.Errorf("state = %q, want SIGKILL after SIGTERM was ignored", st)
	}
}

// TestKillSweepsTheGroup leaves a grandchild behind the exited process and
// checks that Kill ends it: the grandchild holds the only write end of a
// pipe, which reaches end of file only when the grandchild is gone.
func TestKillSweepsTheGroup(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	cmd := exec.Command("/bin/sh", "-c", "sleep 600 >/dev/null 2>&1 3>&3 & exit 0")
	cmd.ExtraFiles = []*os.File{w}
	p, err := Start(cmd)
	w.Close()
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	<-p.Exited()
	if err := p.Kill(); err != nil {
		t.Fatalf("Kill: %v", err)
	}
	// The deadline only keeps a broken Kill from hanging the test.
	if err := r.SetReadDeadline(time.Now().Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadAll(r); err != nil {
		t.Fatalf("the grandchild survived Kill: %v", err)
	}
}

func TestExecutable(t *testing.T) {
	dir := t.TempDir()
	bin := dir + "/bootstrap"
	if err := os.WriteFile(bin, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	tests := []struct {
		name, path, want string
		wantErr          bool
	}{
		{"relative path made absolute", "bootstrap", bin, false},
		{"absolute path kept", bin, bin, false},
		{"missing file", "nope", "", true},
		{"directory", dir, "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Executable(tc.path)
			if (err != nil) != tc.wantErr || got != tc.want {
				t.Errorf("Executable(%q) = %q, %v; want %q, error %v", tc.path, got, err, tc.want, tc.wantErr)
			}
		})
	}
}
