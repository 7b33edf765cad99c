//go:build !unix

package proc

import (
	"errors"
	"os"
	"syscall"
)

// newProcessGroup returns nil: process groups are a Unix notion.
func newProcessGroup() *syscall.SysProcAttr {
	return nil
}

// signalGroup kills p: without Unix signals there is no gentler request.
func signalGroup(p *os.Process, _ signalKind) error {
	if err := p.Kill(); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return err
	}
	return nil
}
