package singleton

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
)

// MemoryReport is a snapshot of the process's memory use, as seen by the Go
// runtime and by the kernel.
type MemoryReport struct {
	// HeapAllocBytes is the memory held by live and not yet swept heap objects.
	HeapAllocBytes uint64 `json:"heapAllocBytes"`
	// HeapSysBytes is the heap memory obtained from the operating system.
	HeapSysBytes uint64 `json:"heapSysBytes"`
	// SysBytes is all memory the runtime obtained from the operating system.
	SysBytes uint64 `json:"sysBytes"`
	// NumGC counts completed garbage collection cycles.
	NumGC uint32 `json:"numGC"`
	// RSSKB is the resident set size (VmRSS), in KiB: what Lambda's
	// "Max Memory Used" is measured against.
	RSSKB int64 `json:"rssKB"`
	// PeakRSSKB is the highest resident set size so far (VmHWM), in KiB.
	PeakRSSKB int64 `json:"peakRssKB"`
}

// procStatusPath is where the kernel publishes the process's own status.
const procStatusPath = "/proc/self/status"

// ReadMemoryReport reads the runtime's memory statistics and the resident
// set figures from /proc/self/status. Where /proc cannot be read (outside
// Linux) it returns the runtime figures together with an error, with RSSKB
// and PeakRSSKB left at zero. It briefly stops the world, so call it per
// invocation at most, not per request to Home Assistant.
func ReadMemoryReport() (MemoryReport, error) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	report := MemoryReport{
		HeapAllocBytes: ms.HeapAlloc,
		HeapSysBytes:   ms.HeapSys,
		SysBytes:       ms.Sys,
		NumGC:          ms.NumGC,
	}
	f, err := os.Open(procStatusPath)
	if err != nil {
		return report, fmt.Errorf("singleton memory report: %w", err)
	}
	defer f.Close()
	report.RSSKB, report.PeakRSSKB, err = ParseProcStatus(f)
	if err != nil {
		return report, fmt.Errorf("singleton memory report: %s: %w", procStatusPath, err)
	}
	return report, nil
}

// ParseProcStatus reads the text of a /proc/<pid>/status file and returns
// its VmRSS and VmHWM lines in KiB. It fails when either line is missing,
// repeated, or not of the form "Name:  <digits> kB".
func ParseProcStatus(r io.Reader) (rssKB, hwmKB int64, err error) {
	rssKB, hwmKB = -1, -1
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		name, value, ok := strings.Cut(sc.Text(), ":")
		var dst *int64
		switch {
		case !ok:
			continue
		case name == "VmRSS":
			dst = &rssKB
		case name == "VmHWM":
			dst = &hwmKB
		default:
			continue
		}
		if *dst >= 0 {
			return 0, 0, fmt.Errorf("parse proc status: %s appears twice", name)
		}
		if *dst, err = parseKB(name, value); err != nil {
			return 0, 0, err
		}
	}
	if err := sc.Err(); err != nil {
		return 0, 0, fmt.Errorf("parse proc status: %w", err)
	}
	if rssKB < 0 {
		return 0, 0, errors.New("parse proc status: no VmRSS line")
	}
	if hwmKB < 0 {
		return 0, 0, errors.New("parse proc status: no VmHWM line")
	}
	return rssKB, hwmKB, nil
}

// parseKB reads the value part of a status line such as "   1234 kB".
func parseKB(name, value string) (int64, error) {
	fields := strings.Fields(value)
	if len(fields) != 2 || fields[1] != "kB" {
		return 0, fmt.Errorf("parse proc status: %s: want \"<number> kB\", got %q", name, strings.TrimSpace(value))
	}
	n, err := strconv.ParseInt(fields[0], 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("parse proc status: %s: %q is not a size", name, fields[0])
	}
	return n, nil
}
