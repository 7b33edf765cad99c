package harness

import (
	"context"
	"debug/buildinfo"
	"debug/elf"
	"os"
	"os/exec"
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

// TestBuildHasNoVCSStamps builds a small main package that sits in a fresh
// git repository with an untracked file, with stamping asked for in
// GOFLAGS: the build's own -buildvcs=false must win, so that a binary
// depends on its source alone and not on the checkout it was built in.
func TestBuildHasNoVCSStamps(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed; this test needs it to make a checkout")
	}
	dir := t.TempDir()
	files := map[string]string{
		"go.mod":  "module example.com/stamp\n\ngo 1.26\n",
		"main.go": "package main\n\nfunc main() {}\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{
		{"init", "-q"},
		{"add", "."},
		{"-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "seed"},
	} {
		if out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v: %s", args, err, out)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("untracked"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GOFLAGS", "-buildvcs=true")
	t.Setenv("GOWORK", "off")
	out, err := buildLinux(context.Background(), dir, ".", filepath.Join(t.TempDir(), "bootstrap"), "", false)
	if err != nil {
		t.Fatal(err)
	}
	info, err := buildinfo.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, s := range info.Settings {
		got[s.Key] = s.Value
		if strings.HasPrefix(s.Key, "vcs") {
			t.Errorf("the binary carries %s=%s", s.Key, s.Value)
		}
	}
	for k, v := range map[string]string{"-trimpath": "true", "-tags": "lambda.norpc", "CGO_ENABLED": "0", "GOOS": "linux"} {
		if got[k] != v {
			t.Errorf("build setting %s = %q, want %q", k, got[k], v)
		}
	}
}

func TestBuildCommand(t *testing.T) {
	got, err := BuildCommand("x86_64")
	if err != nil {
		t.Fatal(err)
	}
	want := "CGO_ENABLED=0 GOOS=linux GOARCH=amd64 GOAMD64=v1 GOARM64=v8.0 go build -tags lambda.norpc -trimpath -buildvcs=false -ldflags '-s -w'"
	if got != want {
		t.Errorf("BuildCommand = %q, want %q", got, want)
	}
	if _, err := BuildCommand("mips"); err == nil {
		t.Error("BuildCommand accepted mips")
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
