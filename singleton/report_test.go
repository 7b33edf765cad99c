package singleton

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"
)

// lambdaStatus is the shape of /proc/self/status in a Lambda sandbox.
const lambdaStatus = `Name:	bootstrap
Umask:	0022
State:	S (sleeping)
Tgid:	8
Pid:	8
VmPeak:	 1236928 kB
VmSize:	 1236928 kB
VmLck:	       0 kB
VmHWM:	   24580 kB
VmRSS:	   21012 kB
RssAnon:	    9472 kB
Threads:	7
`

func TestParseProcStatus(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		rss, hwm int64
		err      string
	}{
		{"lambda sample", lambdaStatus, 21012, 24580, ""},
		{"minimal", "VmRSS: 1 kB\nVmHWM: 2 kB\n", 1, 2, ""},
		{"no trailing newline", "VmHWM:\t5 kB\nVmRSS:\t4 kB", 4, 5, ""},
		{"zero", "VmRSS: 0 kB\nVmHWM: 0 kB\n", 0, 0, ""},
		{"kernel thread without vm lines", "Name:\tkthreadd\nState:\tS\n", 0, 0, "no VmRSS"},
		{"missing hwm", "VmRSS: 1 kB\n", 0, 0, "no VmHWM"},
		{"empty", "", 0, 0, "no VmRSS"},
		{"wrong unit", "VmRSS: 1 MB\nVmHWM: 2 kB\n", 0, 0, `want "<number> kB"`},
		{"no unit", "VmRSS: 1\nVmHWM: 2 kB\n", 0, 0, "VmRSS"},
		{"not a number", "VmRSS: x kB\nVmHWM: 2 kB\n", 0, 0, `"x" is not a size`},
		{"negative", "VmRSS: -1 kB\nVmHWM: 2 kB\n", 0, 0, "not a size"},
		{"overflow", "VmRSS: 99999999999999999999 kB\nVmHWM: 2 kB\n", 0, 0, "not a size"},
		{"repeated", "VmRSS: 1 kB\nVmRSS: 1 kB\nVmHWM: 2 kB\n", 0, 0, "twice"},
		{"similar names ignored", "VmRSSX: 9 kB\nVmRSS: 1 kB\nVmHWM: 2 kB\n", 1, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rss, hwm, err := ParseProcStatus(strings.NewReader(tt.text))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error = %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil || rss != tt.rss || hwm != tt.hwm {
				t.Fatalf("= %d, %d, %v; want %d, %d", rss, hwm, err, tt.rss, tt.hwm)
			}
		})
	}
}

func TestParseProcStatusReadError(t *testing.T) {
	errDisk := errors.New("read failed")
	_, _, err := ParseProcStatus(iotest.ErrReader(errDisk))
	if !errors.Is(err, errDisk) {
		t.Fatalf("error = %v, want the reader's error", err)
	}
}

func TestReadMemoryReport(t *testing.T) {
	report, err := ReadMemoryReport()
	if report.HeapSysBytes == 0 || report.SysBytes < report.HeapSysBytes || report.HeapAllocBytes > report.HeapSysBytes {
		t.Fatalf("implausible runtime figures: %+v", report)
	}
	if runtime.GOOS != "linux" {
		if err == nil {
			t.Fatal("expected an error where /proc/self/status does not exist")
		}
		return
	}
	if err != nil {
		t.Fatalf("ReadMemoryReport: %v", err)
	}
	if report.RSSKB <= 0 || report.PeakRSSKB < report.RSSKB {
		t.Fatalf("implausible resident set figures: %+v", report)
	}
}
