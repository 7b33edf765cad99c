//go:build unix

package proc

import (
	"errors"
	"os"
	"syscall"
)

// newProcessGroup puts the process in a group of its own, so a signal to the
// group also reaches anything it started.
func newProcessGroup() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}

// signalGroup sends SIGTERM or SIGKILL to p's process group. A group that no
// longer exists is not an error: the process is already gone.
func signalGroup(p *os.Process, k signalKind) error {
	sig := syscall.SIGTERM
	if k == kill {
		sig = syscall.SIGKILL
	}
	err := syscall.Kill(-p.Pid, sig)
	if errors.Is(err, syscall.ESRCH) {
		return nil
	}
	return err
}
