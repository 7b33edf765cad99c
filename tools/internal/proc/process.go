package proc

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// signalKind names the two ways a process is stopped; signalGroup maps them
// to what the platform offers.
type signalKind int

const (
	terminate signalKind = iota
	kill
)

// waitDelay bounds how long reaping waits for output pipes that a stray
// grandchild might still hold open after the child itself has exited.
const waitDelay = time.Second

// Process is a started child process in a process group of its own, reaped
// by a goroutine of its own as soon as it exits. Its methods are safe for
// concurrent use.
type Process struct {
	cmd     *exec.Cmd
	exited  chan struct{} // closed once the process has been reaped
	waitErr error         // cmd.Wait's result, read after exited closes
}

// Executable returns path made absolute after checking that it names a file
// that is not a folder: a child runs in its binary's folder, where a
// relative path would no longer lead to it.
func Executable(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	info, err := os.Stat(abs)
	if err != nil {
		return "", err
	}
	if info.IsDir() {
		return "", fmt.Errorf("%s is a directory", abs)
	}
	return abs, nil
}

// Start starts cmd in a new process group, so that a signal to the group
// also reaches anything the process starts, and begins reaping it. cmd must
// not have been started; Start sets its SysProcAttr and WaitDelay.
func Start(cmd *exec.Cmd) (*Process, error) {
	cmd.SysProcAttr = newProcessGroup()
	cmd.WaitDelay = waitDelay
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	p := &Process{cmd: cmd, exited: make(chan struct{})}
	go p.wait()
	return p, nil
}

func (p *Process) wait() {
	p.waitErr = p.cmd.Wait()
	close(p.exited)
}

// PID returns the process's id, which is also its process group's id.
func (p *Process) PID() int {
	return p.cmd.Process.Pid
}

// Exited is closed once the process has exited and been reaped.
func (p *Process) Exited() <-chan struct{} {
	return p.exited
}

// Alive reports whether the process has not been reaped yet.
func (p *Process) Alive() bool {
	select {
	case <-p.exited:
		return false
	default:
		return true
	}
}

// WaitErr returns what waiting for the process reported; call it only after
// Exited is closed.
func (p *Process) WaitErr() error {
	return p.waitErr
}

// State returns how the process ended, nil while it runs or when it could
// not be waited for.
func (p *Process) State() *os.ProcessState {
	select {
	case <-p.exited:
		return p.cmd.ProcessState
	default:
		return nil
	}
}

// Stop ends the process: SIGTERM to its group, then, when it has not exited
// within grace, SIGKILL to the group; it returns once the process has been
// reaped. A process that is already gone is not an error, and neither is a
// signal that fails because the process died meanwhile.
func (p *Process) Stop(grace time.Duration) error {
	if !p.Alive() {
		return nil
	}
	if err := signalGroup(p.cmd.Process, terminate); err != nil && p.Alive() {
		return fmt.Errorf("terminate pid %d: %w", p.PID(), err)
	}
	timer := time.NewTimer(grace)
	defer timer.Stop()
	select {
	case <-p.exited:
		return nil
	case <-timer.C:
	}
	if err := signalGroup(p.cmd.Process, kill); err != nil && p.Alive() {
		return fmt.Errorf("kill pid %d: %w", p.PID(), err)
	}
	<-p.exited
	return nil
}

// Kill sends SIGKILL to what is left of the process group, even after the
// process itself has exited: a grandchild it failed to stop must not
// outlive it. An empty group is not an error.
func (p *Process) Kill() error {
	if err := signalGroup(p.cmd.Process, kill); err != nil {
		return fmt.Errorf("kill process group %d: %w", p.PID(), err)
	}
	return nil
}
