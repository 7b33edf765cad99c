package rie

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"os/exec"
	"path/filepath"
	"sync"
	"time"

	"github.com/lee-engine/lee/tools/internal/loopback"
	"github.com/lee-engine/lee/tools/internal/proc"
)

// invokePath is the emulator's invoke endpoint, the Lambda Invoke API's path
// for a function named "function".
const invokePath = "/2015-03-31/functions/function/invocations"

// startAttempts is how often Start tries fresh ports: a port found free can
// be taken by someone else before the emulator binds it.
const startAttempts = 3

// Emulator is one running aws-lambda-rie with its function.
type Emulator struct {
	settings Settings
	proc     *proc.Process
	url      string
	client   *http.Client
	stdout   *proc.Output
	stderr   *proc.Output
	once     sync.Once
	closeErr error
}

// StatusError is Invoke's error when the emulator answers with a status other
// than 200, for example 502 with a Runtime.ExitError body when the function
// process died.
type StatusError struct {
	StatusCode int
	Body       []byte
}

// Error includes the body: the emulator puts its explanation there.
func (e *StatusError) Error() string {
	return fmt.Sprintf("emulator answered %d: %s", e.StatusCode, bytes.TrimSpace(e.Body))
}

// Start runs the emulator with s.Binary on loopback ports and waits, within
// ctx and s.ReadyTimeout, until it accepts connections. The function itself
// starts on the first Invoke, as the emulator initialises lazily.
func Start(ctx context.Context, s Settings) (*Emulator, error) {
	s = s.withDefaults()
	if s.Binary == "" {
		return nil, errors.New("rie: start: Settings.Binary is empty")
	}
	bin, err := proc.Executable(s.Binary)
	if err != nil {
		return nil, fmt.Errorf("rie: start: %w", err)
	}
	if s.RIEPath == "" {
		if s.RIEPath, err = LookPath(); err != nil {
			return nil, fmt.Errorf("rie: start: %w", err)
		}
	}
	for attempt := 1; ; attempt++ {
		e, err := start(ctx, s, bin)
		if err == nil || attempt == startAttempts || !errors.Is(err, errExitedEarly) {
			return e, err
		}
	}
}

// errExitedEarly marks an emulator that quit before accepting connections,
// typically because its port was taken meanwhile.
var errExitedEarly = errors.New("emulator exited before it was ready")

func start(ctx context.Context, s Settings, bin string) (*Emulator, error) {
	invokeAddr, err := loopback.FreeAddr()
	if err != nil {
		return nil, fmt.Errorf("rie: start: %w", err)
	}
	apiAddr, err := loopback.FreeAddr()
	if err != nil {
		return nil, fmt.Errorf("rie: start: %w", err)
	}
	e := &Emulator{
		settings: s,
		url:      "http://" + invokeAddr + invokePath,
		client:   &http.Client{Transport: &http.Transport{Proxy: nil}},
		stdout:   proc.NewOutput(s.Stdout),
		stderr:   proc.NewOutput(s.Stderr),
	}
	// The emulator's own log level is pinned: it would otherwise follow
	// LOG_LEVEL, which is also the function's setting.
	cmd := exec.Command(s.RIEPath,
		"--log-level", "warn",
		"--runtime-interface-emulator-address", invokeAddr,
		"--runtime-api-address", apiAddr,
		bin)
	cmd.Dir = filepath.Dir(bin)
	cmd.Env = s.environ()
	cmd.Stdout = e.stdout
	cmd.Stderr = e.stderr
	if e.proc, err = proc.Start(cmd); err != nil {
		return nil, fmt.Errorf("rie: start %s: %w", s.RIEPath, err)
	}
	if err := e.waitReady(ctx, invokeAddr); err != nil {
		_ = e.Close()
		return nil, fmt.Errorf("rie: start: %w", err)
	}
	return e, nil
}

// waitReady polls the invoke port until it accepts a connection. Polling is
// the only signal: the emulator prints nothing when it starts listening.
func (e *Emulator) waitReady(ctx context.Context, addr string) error {
	ctx, cancel := context.WithTimeout(ctx, e.settings.ReadyTimeout)
	defer cancel()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	var d net.Dialer
	for {
		conn, err := d.DialContext(ctx, "tcp", addr)
		if err == nil {
			return conn.Close()
		}
		select {
		case <-e.proc.Exited():
			return fmt.Errorf("%w (%s): %s", errExitedEarly, e.proc.State(), bytes.TrimSpace(e.stderr.Bytes()))
		case <-ctx.Done():
			return fmt.Errorf("waiting for the emulator on %s: %w", addr, ctx.Err())
		case <-tick.C:
		}
	}
}

// URL is the emulator's invoke endpoint.
func (e *Emulator) URL() string {
	return e.url
}

// Invoke posts event to the emulator and returns the body it answers with.
// A function error is a successful Invoke too: the emulator answers 200 with
// the {"errorMessage", "errorType"} body. Other statuses are a *StatusError.
// The wait is bounded by ctx and by the function timeout plus a grace.
func (e *Emulator) Invoke(ctx context.Context, event []byte) ([]byte, error) {
	seconds := math.Ceil(e.settings.Timeout.Seconds())
	ctx, cancel := context.WithTimeout(ctx, time.Duration(seconds)*time.Second+invokeGrace)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, e.url, bytes.NewReader(event))
	if err != nil {
		return nil, fmt.Errorf("rie: invoke: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := e.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("rie: invoke: %w", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("rie: invoke: reading the answer: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("rie: invoke: %w", &StatusError{StatusCode: resp.StatusCode, Body: body})
	}
	return body, nil
}

// Stdout returns a copy of the emulator's stdout: its START/END/REPORT lines
// and the function's output, where the emulator merges the function's stdout
// and stderr.
func (e *Emulator) Stdout() []byte {
	return e.stdout.Bytes()
}

// Stderr returns a copy of the emulator's own log (warnings and errors).
func (e *Emulator) Stderr() []byte {
	return e.stderr.Bytes()
}

// Close stops the emulator and its function (SIGTERM to the process group,
// SIGKILL after Settings.StopTimeout) and waits for them. Later calls return
// the first call's result.
func (e *Emulator) Close() error {
	e.once.Do(func() {
		e.closeErr = e.stop()
		e.client.CloseIdleConnections()
	})
	return e.closeErr
}

// stop asks the emulator to shut down, which also stops the function, and
// then kills whatever is left of the process group: a function the emulator
// failed to stop must not outlive the test that started it.
func (e *Emulator) stop() error {
	if err := e.proc.Stop(e.settings.StopTimeout); err != nil {
		return fmt.Errorf("rie: close: %w", err)
	}
	if err := e.proc.Kill(); err != nil {
		return fmt.Errorf("rie: close: %w", err)
	}
	return nil
}
