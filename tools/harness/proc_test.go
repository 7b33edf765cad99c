package harness

import (
	"fmt"
	"testing"

	"pgregory.net/rapid"
)

func TestParseStatus(t *testing.T) {
	tests := []struct {
		name     string
		status   string
		rss, hwm int64
		wantErr  bool
	}{
		{"typical", "Name:\tbootstrap\nVmHWM:\t    9000 kB\nVmRSS:\t    8000 kB\nThreads:\t5\n", 8000, 9000, false},
		{"missing RSS", "VmHWM:\t 10 kB\n", 0, 0, true},
		{"bad unit", "VmRSS:\t 10 MB\nVmHWM:\t 10 kB\n", 0, 0, true},
		{"not a number", "VmRSS:\t ten kB\nVmHWM:\t 10 kB\n", 0, 0, true},
		{"empty", "", 0, 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rss, hwm, err := parseStatus([]byte(tc.status))
			if (err != nil) != tc.wantErr || rss != tc.rss || hwm != tc.hwm {
				t.Errorf("got %d, %d, %v", rss, hwm, err)
			}
		})
	}
}

func TestParseStatusProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		// Arbitrary input never panics.
		_, _, _ = parseStatus(rapid.SliceOf(rapid.Byte()).Draw(t, "junk"))

		rss := rapid.Int64Range(0, 1<<40).Draw(t, "rss")
		hwm := rapid.Int64Range(0, 1<<40).Draw(t, "hwm")
		other := rapid.StringMatching(`[A-Za-z_]{1,12}:\t[ -~]{0,20}`).Draw(t, "other")
		status := fmt.Sprintf("%s\nVmHWM:\t%8d kB\n%s\nVmRSS:\t%8d kB\n", other, hwm, other, rss)
		gotRSS, gotHWM, err := parseStatus([]byte(status))
		if err != nil || gotRSS != rss || gotHWM != hwm {
			t.Fatalf("parseStatus(%q) = %d, %d, %v", status, gotRSS, gotHWM, err)
		}
	})
}

func TestParseMinorFaults(t *testing.T) {
	tests := []struct {
		name, stat string
		want       int64
		wantErr    bool
	}{
		{"typical", "23868 (bootstrap) S 23865 23865 3523 0 -1 4194304 443 0 0 0 0 0 0 0 20 0 5 0 664040", 443, false},
		{"name with spaces and parentheses", "7 (a) b (c)) R 1 7 7 0 -1 0 12 0 0 0", 12, false},
		{"no name", "7 a R 1 7 7 0 -1 0 12", 0, true},
		{"cut short", "7 (a) R 1 7 7 0 -1 0", 0, true},
		{"not a number", "7 (a) R 1 7 7 0 -1 0 many 0", 0, true},
		{"negative", "7 (a) R 1 7 7 0 -1 0 -3 0", 0, true},
		{"empty", "", 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseMinorFaults([]byte(tc.stat))
			if (err != nil) != tc.wantErr || got != tc.want {
				t.Errorf("got %d, %v; want %d (error %v)", got, err, tc.want, tc.wantErr)
			}
		})
	}
}
