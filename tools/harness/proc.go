package harness

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"
)

// errNotRunning is returned by the /proc readers once the process is gone:
// its pid may already belong to another process.
var errNotRunning = errors.New("function process is not running")

// ProcStatus returns the process's resident set size and its peak (VmRSS and
// VmHWM from /proc/<pid>/status, Linux only), in kB: what Lambda's "Max
// Memory Used" measures.
func (r *Runtime) ProcStatus() (rssKB, hwmKB int64, err error) {
	if !r.Alive() {
		return 0, 0, fmt.Errorf("harness: proc status: %w", errNotRunning)
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", r.PID()))
	if err != nil {
		return 0, 0, fmt.Errorf("harness: proc status: %w", err)
	}
	return parseStatus(b)
}

// parseStatus picks VmRSS and VmHWM out of a /proc/<pid>/status file.
func parseStatus(b []byte) (rssKB, hwmKB int64, err error) {
	var foundRSS, foundHWM bool
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		key, value, ok := bytes.Cut(sc.Bytes(), []byte(":"))
		if !ok {
			continue
		}
		switch string(key) {
		case "VmRSS":
			rssKB, err = parseKB(value)
			foundRSS = err == nil
		case "VmHWM":
			hwmKB, err = parseKB(value)
			foundHWM = err == nil
		}
		if err != nil {
			return 0, 0, fmt.Errorf("harness: proc status: %s: %w", key, err)
		}
	}
	if !foundRSS || !foundHWM {
		return 0, 0, errors.New("harness: proc status: VmRSS or VmHWM missing")
	}
	return rssKB, hwmKB, nil
}

// parseKB reads a value such as "   1234 kB".
func parseKB(value []byte) (int64, error) {
	fields := bytes.Fields(value)
	if len(fields) != 2 || string(fields[1]) != "kB" {
		return 0, fmt.Errorf("unexpected value %q", bytes.TrimSpace(value))
	}
	return strconv.ParseInt(string(fields[0]), 10, 64)
}

// FDCount returns how many file descriptors the process holds open, from
// /proc/<pid>/fd (Linux only): a leak shows as a count that grows with every
// invocation.
func (r *Runtime) FDCount() (int, error) {
	if !r.Alive() {
		return 0, fmt.Errorf("harness: fd count: %w", errNotRunning)
	}
	entries, err := os.ReadDir(fmt.Sprintf("/proc/%d/fd", r.PID()))
	if err != nil {
		return 0, fmt.Errorf("harness: fd count: %w", err)
	}
	return len(entries), nil
}

// MinorFaults returns how many minor page faults the process has taken so
// far (field 10 of /proc/<pid>/stat, Linux only): the pages it touched of
// its binary and of fresh memory, each mapped on first use. A larger
// binary or heap shows here before it shows in the resident size.
func (r *Runtime) MinorFaults() (int64, error) {
	if !r.Alive() {
		return 0, fmt.Errorf("harness: minor faults: %w", errNotRunning)
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", r.PID()))
	if err != nil {
		return 0, fmt.Errorf("harness: minor faults: %w", err)
	}
	return parseMinorFaults(b)
}

// parseMinorFaults picks minflt out of a /proc/<pid>/stat line. The
// command name, field 2, is in parentheses and may itself hold spaces and
// parentheses, so the fields are counted from the last ")".
func parseMinorFaults(b []byte) (int64, error) {
	end := bytes.LastIndexByte(b, ')')
	if end < 0 {
		return 0, errors.New("harness: minor faults: no command name in /proc/<pid>/stat")
	}
	// After the name: state (field 3), ppid, pgrp, session, tty_nr, tpgid,
	// flags, minflt (field 10).
	fields := bytes.Fields(b[end+1:])
	if len(fields) < 8 {
		return 0, fmt.Errorf("harness: minor faults: %d fields after the command name, want at least 8", len(fields))
	}
	n, err := strconv.ParseInt(string(fields[7]), 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("harness: minor faults: minflt %q is not a count", fields[7])
	}
	return n, nil
}

// errNotReaped is returned by CPUTime before Close has reaped the process.
var errNotReaped = errors.New("function process has not ended: call Close first")

// CPUTime returns the user and system CPU time the function process used
// in its whole life, from the kernel's accounting of the reaped process:
// it is known only after Close. Unlike the wall-clock Timings it leaves
// out the time the process spent waiting for a CPU.
func (r *Runtime) CPUTime() (time.Duration, error) {
	st := r.proc.State()
	if st == nil {
		return 0, fmt.Errorf("harness: cpu time: %w", errNotReaped)
	}
	return st.UserTime() + st.SystemTime(), nil
}
