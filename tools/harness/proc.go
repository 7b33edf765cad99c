package harness

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"strconv"
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
