package harness

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os/exec"
	"path/filepath"
	"sync"
	"time"

	"github.com/lee-engine/lee/tools/internal/proc"
)

// Runtime is one function process and the Runtime API it talks to. Its
// methods are safe for concurrent use; invocations are handed to the process
// in the order it asks for them, one at a time as in one on-demand Lambda
// execution environment, or up to Settings.MaxConcurrency at once.
type Runtime struct {
	settings Settings
	proc     *proc.Process
	listener net.Listener
	server   *http.Server
	served   chan struct{} // closed when the API server has stopped
	queue    chan *invocation
	slots    chan struct{} // one per unanswered invocation when they may overlap; else nil
	stdout   *proc.Output
	stderr   *proc.Output

	closing  chan struct{} // closed when Close starts
	closeErr error
	once     sync.Once

	mu         sync.Mutex
	started    time.Time
	firstNext  time.Time
	firstReply time.Time
	inflight   map[string]*invocation // handed out, not yet answered
	initErr    *FunctionError
	initFailed chan struct{} // closed when the process posts /init/error

	// waiting counts the process's requests for an event the API holds,
	// delivered the events written to it; changed is closed and replaced
	// whenever either moves (all under mu).
	waiting, delivered int
	changed            chan struct{}
}

// Start launches s.Binary behind a fresh Runtime API on 127.0.0.1 and returns
// at once, without waiting for the function to initialise: the first Invoke
// waits for that. ctx bounds the start-up only; the process lives until Close.
func Start(ctx context.Context, s Settings) (*Runtime, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("harness: start: %w", err)
	}
	if err := s.check(); err != nil {
		return nil, fmt.Errorf("harness: start: %w", err)
	}
	bin, err := proc.Executable(s.Binary)
	if err != nil {
		return nil, fmt.Errorf("harness: start: %w", err)
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("harness: start: listen: %w", err)
	}
	r := newRuntime(s.withDefaults(), ln)
	go r.serve()

	r.mu.Lock()
	r.started = time.Now()
	r.proc, err = proc.Start(r.command(bin))
	r.mu.Unlock()
	if err != nil {
		r.stopServer()
		return nil, fmt.Errorf("harness: start %s: %w", bin, err)
	}
	return r, nil
}

func newRuntime(s Settings, ln net.Listener) *Runtime {
	r := &Runtime{
		settings:   s,
		listener:   ln,
		served:     make(chan struct{}),
		queue:      make(chan *invocation),
		stdout:     proc.NewOutput(s.Stdout),
		stderr:     proc.NewOutput(s.Stderr),
		closing:    make(chan struct{}),
		inflight:   make(map[string]*invocation),
		changed:    make(chan struct{}),
		initFailed: make(chan struct{}),
	}
	if s.concurrent() {
		r.slots = make(chan struct{}, s.MaxConcurrency)
	}
	r.server = &http.Server{Handler: r.routes(), ReadHeaderTimeout: 10 * time.Second}
	return r
}

// command prepares the process; proc.Start gives it a process group of its
// own so Close can stop anything it spawned.
func (r *Runtime) command(bin string) *exec.Cmd {
	cmd := exec.Command(bin)
	cmd.Dir = filepath.Dir(bin)
	cmd.Env = r.settings.environ(cmd.Dir, r.listener.Addr().String())
	cmd.Stdout = r.stdout
	cmd.Stderr = r.stderr
	return cmd
}

func (r *Runtime) serve() {
	defer close(r.served)
	_ = r.server.Serve(r.listener)
}

// PID returns the function process's id.
func (r *Runtime) PID() int {
	return r.proc.PID()
}

// Alive reports whether the function process is still running.
func (r *Runtime) Alive() bool {
	return r.proc.Alive()
}

// Addr returns the host:port of the Runtime API, the value the process got in
// AWS_LAMBDA_RUNTIME_API.
func (r *Runtime) Addr() string {
	return r.listener.Addr().String()
}

// Stdout returns a copy of everything the process has written to stdout.
func (r *Runtime) Stdout() []byte {
	return r.stdout.Bytes()
}

// Stderr returns a copy of everything the process has written to stderr.
func (r *Runtime) Stderr() []byte {
	return r.stderr.Bytes()
}

// Timings are the process's start-up milestones, the raw material of
// cold-start measurements.
type Timings struct {
	// Started is when the process was started.
	Started time.Time
	// Ready is the time from Started to the function's first request for an
	// event: its initialisation. Zero until it happens.
	Ready time.Duration
	// FirstAnswer is the time from Started to the function's first answer (a
	// response or an error): a cold start's full latency. Zero until then.
	FirstAnswer time.Duration
}

// Timings returns the start-up milestones reached so far.
func (r *Runtime) Timings() Timings {
	r.mu.Lock()
	defer r.mu.Unlock()
	t := Timings{Started: r.started}
	if !r.firstNext.IsZero() {
		t.Ready = r.firstNext.Sub(r.started)
	}
	if !r.firstReply.IsZero() {
		t.FirstAnswer = r.firstReply.Sub(r.started)
	}
	return t
}

// Close stops the process (SIGTERM to its process group, then SIGKILL after
// Settings.StopTimeout), waits for it to be reaped and shuts the Runtime API
// down. The process gets SIGTERM wherever it is, typically waiting for its
// next event, so a function's SIGTERM handler runs as it would on Lambda. It is safe to call more than once; later calls return the first
// call's result.
func (r *Runtime) Close() error {
	r.once.Do(func() {
		r.closeErr = r.stopProcess()
		close(r.closing)
		r.stopServer()
	})
	return r.closeErr
}

func (r *Runtime) stopProcess() error {
	if err := r.proc.Stop(r.settings.StopTimeout); err != nil {
		return fmt.Errorf("harness: close: %w", err)
	}
	return nil
}

// stopServer shuts the API down. The process is gone by now and handlers
// still waiting for an event return once closing is closed, so the bounded
// graceful shutdown normally finishes at once; the hard Close is the
// backstop.
func (r *Runtime) stopServer() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := r.server.Shutdown(ctx); err != nil {
		_ = r.server.Close()
	}
	<-r.served
}
