package singleton

import (
	"errors"
	"math"
	"os"
	"runtime/debug"
	"strings"
	"testing"
)

func TestParseMemorySize(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		set  bool
		want int
		err  string // "" for success; "unset" for ErrNoMemorySize
	}{
		{"lambda minimum", "128", true, 128, ""},
		{"lambda maximum", "10240", true, 10240, ""},
		{"unset", "", false, 0, "unset"},
		{"empty", "", true, 0, "unset"},
		{"zero", "0", true, 0, MemorySizeVar},
		{"negative", "-128", true, 0, MemorySizeVar},
		{"fraction", "128.5", true, 0, MemorySizeVar},
		{"unit", "128MB", true, 0, MemorySizeVar},
		{"spaces", " 128", true, 0, MemorySizeVar},
		{"too large", "99999999999", true, 0, MemorySizeVar},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseMemorySize(tt.raw, tt.set)
			switch {
			case tt.err == "":
				if err != nil || got != tt.want {
					t.Fatalf("= %d, %v; want %d", got, err, tt.want)
				}
			case tt.err == "unset":
				if !errors.Is(err, ErrNoMemorySize) {
					t.Fatalf("error = %v, want ErrNoMemorySize", err)
				}
			default:
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error = %v, want one naming %s", err, tt.err)
				}
			}
		})
	}
}

func TestMemorySizeMBReadsEnvironment(t *testing.T) {
	t.Setenv(MemorySizeVar, "512")
	if mb, err := MemorySizeMB(); err != nil || mb != 512 {
		t.Fatalf("MemorySizeMB = %d, %v; want 512", mb, err)
	}
	if err := os.Unsetenv(MemorySizeVar); err != nil {
		t.Fatalf("unset: %v", err)
	}
	if _, err := MemorySizeMB(); !errors.Is(err, ErrNoMemorySize) {
		t.Fatalf("MemorySizeMB unset: %v, want ErrNoMemorySize", err)
	}
}

func TestSoftLimit(t *testing.T) {
	tests := []struct {
		name  string
		mb    int
		share float64
		want  int64
		ok    bool
	}{
		{"ninety percent of 128 MB", 128, 0.9, 120795955, true},
		{"all of 1024 MB", 1024, 1, 1024 << 20, true},
		{"zero share", 128, 0, 0, false},
		{"negative share", 128, -0.5, 0, false},
		{"above one", 128, 1.01, 0, false},
		{"NaN", 128, math.NaN(), 0, false},
		{"below the minimum", 128, 0.01, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := softLimit(tt.mb, tt.share)
			if (err == nil) != tt.ok || got != tt.want {
				t.Fatalf("softLimit(%d, %v) = %d, %v; want %d, ok=%v", tt.mb, tt.share, got, err, tt.want, tt.ok)
			}
		})
	}
}

func TestSetSoftMemoryLimit(t *testing.T) {
	previous := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(previous) })

	t.Setenv(MemorySizeVar, "256")
	got, err := SetSoftMemoryLimit(0.75)
	if err != nil {
		t.Fatalf("SetSoftMemoryLimit: %v", err)
	}
	if want := int64(192 << 20); got != want {
		t.Fatalf("returned %d bytes, want %d", got, want)
	}
	if now := debug.SetMemoryLimit(-1); now != got {
		t.Fatalf("runtime limit is %d, want %d", now, got)
	}

	if _, err := SetSoftMemoryLimit(2); err == nil {
		t.Fatal("share 2 accepted")
	}
	if err := os.Unsetenv(MemorySizeVar); err != nil {
		t.Fatalf("unset: %v", err)
	}
	if _, err := SetSoftMemoryLimit(0.9); !errors.Is(err, ErrNoMemorySize) {
		t.Fatalf("without the variable: %v, want ErrNoMemorySize", err)
	}
	if now := debug.SetMemoryLimit(-1); now != got {
		t.Fatalf("a failed call changed the limit to %d", now)
	}
}
