package harness

import (
	"context"
	"debug/elf"
	"runtime"
	"strings"
	"testing"
)

func TestBuildFloorProducesAStrippedStaticLinuxBinary(t *testing.T) {
	f, err := elf.Open(floorBinary(t))
	if err != nil {
		t.Fatalf("floor is not an ELF binary: %v", err)
	}
	defer f.Close()
	want := map[string]elf.Machine{"amd64": elf.EM_X86_64, "arm64": elf.EM_AARCH64}[runtime.GOARCH]
	if f.Machine != want {
		t.Errorf("machine = %v, want %v", f.Machine, want)
	}
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			t.Error("floor is dynamically linked; CGO_ENABLED=0 should make it static")
		}
	}
	if f.Section(".symtab") != nil {
		t.Error("floor keeps its symbol table; -ldflags -s should strip it")
	}
}

func TestLambdaArch(t *testing.T) {
	tests := []struct {
		in, want string
		wantErr  bool
	}{
		{"", runtime.GOARCH, false},
		{"amd64", "amd64", false},
		{"x86_64", "amd64", false},
		{"arm64", "arm64", false},
		{"aarch64", "arm64", false},
		{"386", "", true},
		{"riscv64", "", true},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := lambdaArch(tc.in)
			if (err != nil) != tc.wantErr || got != tc.want {
				t.Errorf("lambdaArch(%q) = %q, %v", tc.in, got, err)
			}
		})
	}
}

func TestBuildFloorRejectsBadArchitecture(t *testing.T) {
	_, err := BuildFloor(context.Background(), t.TempDir(), "mips")
	if err == nil || !strings.Contains(err.Error(), `"mips"`) {
		t.Errorf("err = %v", err)
	}
}
