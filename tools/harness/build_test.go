package harness

import (
	"context"
	"debug/buildinfo"
	"debug/elf"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
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

// TestBuildBootstrapRaceFindsDataRaces builds fakefn as BuildBootstrapRace
// builds the function and checks that a data race in it reaches the
// process's stderr, which is what tests of the real function search.
func TestBuildBootstrapRaceFindsDataRaces(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "bootstrap")
	// A first -race build compiles the standard library again: minutes on a
	// loaded machine.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	if err := BuildBootstrapRace(ctx, filepath.Join("testdata", "fakefn"), bin); err != nil {
		t.Fatal(err)
	}
	info, err := buildinfo.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	if settings["-race"] != "true" || settings["CGO_ENABLED"] != "1" || settings["-tags"] != "lambda.norpc" {
		t.Errorf("build settings %v, want -race=true CGO_ENABLED=1 -tags=lambda.norpc", settings)
	}
	r := startRuntime(t, Settings{Binary: bin})
	res, err := r.Invoke(testContext(t), []byte(`{"mode":"race"}`))
	if err != nil || res.Error != nil || string(res.Payload) != `{"raced":2}` {
		t.Fatalf("race invocation: res=%+v err=%v", res, err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(r.Stderr()), "WARNING: DATA RACE") {
		t.Errorf("the race detector reported nothing; stderr:\n%s", r.Stderr())
	}
}
