package pack_test

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lee-engine/lee/tools/pack"
)

func writeBinary(t *testing.T, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bootstrap")
	if err := os.WriteFile(path, data, 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestPackageWritesZipAndChecksum(t *testing.T) {
	bin := writeBinary(t, linuxBinary(elf.EM_AARCH64, strings.Repeat("code", 500)))
	out := filepath.Join(t.TempDir(), "dist", "nested")
	r, err := pack.Package(pack.Settings{Binary: bin, Arch: pack.ARM64, Version: "0.1.0", OutDir: out})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(out, "lee-0.1.0-arm64.zip"); r.Zip != want {
		t.Fatalf("Zip = %s, want %s", r.Zip, want)
	}
	if r.Checksum != r.Zip+".sha256" {
		t.Fatalf("Checksum = %s", r.Checksum)
	}
	zipData, err := os.ReadFile(r.Zip)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(zipData)
	if got := hex.EncodeToString(sum[:]); got != r.SHA256 {
		t.Fatalf("SHA256 = %s, the file hashes to %s", r.SHA256, got)
	}
	line, err := os.ReadFile(r.Checksum)
	if err != nil {
		t.Fatal(err)
	}
	if want := r.SHA256 + "  lee-0.1.0-arm64.zip\n"; string(line) != want {
		t.Fatalf("checksum file = %q, want %q", line, want)
	}
	zr := readZip(t, zipData)
	if len(zr.File) != 1 || zr.File[0].Name != "bootstrap" {
		t.Fatalf("zip holds %d entries, want bootstrap alone", len(zr.File))
	}
	if want := filepath.Join(out, "lee-0.1.0.zip"); r.Deploy != want {
		t.Fatalf("Deploy = %s, want %s", r.Deploy, want)
	}
	deployData, err := os.ReadFile(r.Deploy)
	if err != nil || !bytes.Equal(deployData, zipData) {
		t.Fatalf("the template's copy %s differs from the package (%v)", r.Deploy, err)
	}
	leftovers, err := filepath.Glob(filepath.Join(out, ".*"))
	if err != nil || len(leftovers) != 0 {
		t.Fatalf("temporary files left behind: %v %v", leftovers, err)
	}
}

// TestPackageIsReproducible packages the same binary twice, into two
// folders and after touching the binary's modification time, and expects
// the same bytes.
func TestPackageIsReproducible(t *testing.T) {
	bin := writeBinary(t, linuxBinary(elf.EM_X86_64, strings.Repeat("reproducible", 300)))
	first, err := pack.Package(pack.Settings{Binary: bin, Arch: pack.AMD64, Version: "1.2.3", OutDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	later := time.Date(2031, 5, 6, 7, 8, 9, 0, time.UTC)
	if err := os.Chtimes(bin, later, later); err != nil {
		t.Fatal(err)
	}
	second, err := pack.Package(pack.Settings{Binary: bin, Arch: pack.AMD64, Version: "1.2.3", OutDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if first.SHA256 != second.SHA256 {
		t.Fatalf("two packages of one binary differ: %s vs %s", first.SHA256, second.SHA256)
	}
	a, _ := os.ReadFile(first.Zip)
	b, _ := os.ReadFile(second.Zip)
	if string(a) != string(b) || len(a) == 0 {
		t.Fatal("zip bytes differ")
	}
}

func TestPackageDefaultsOutDirToTheBinary(t *testing.T) {
	bin := writeBinary(t, linuxBinary(elf.EM_AARCH64, "x"))
	r, err := pack.Package(pack.Settings{Binary: bin, Arch: pack.ARM64, Version: "0.1.0"})
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(r.Zip) != filepath.Dir(bin) {
		t.Fatalf("zip written to %s, want beside %s", r.Zip, bin)
	}
}

func TestPackageRefuses(t *testing.T) {
	arm := writeBinary(t, linuxBinary(elf.EM_AARCH64, "x"))
	tests := []struct {
		name string
		s    pack.Settings
		want string
	}{
		{"no binary", pack.Settings{Arch: pack.ARM64, Version: "0.1.0"}, "no binary"},
		{"missing binary", pack.Settings{Binary: filepath.Join(t.TempDir(), "nope"), Arch: pack.ARM64, Version: "0.1.0"}, "no such file"},
		{"folder as binary", pack.Settings{Binary: t.TempDir(), Arch: pack.ARM64, Version: "0.1.0"}, "not a regular file"},
		{"bad arch", pack.Settings{Binary: arm, Arch: "386", Version: "0.1.0"}, "not arm64 or amd64"},
		{"bad version", pack.Settings{Binary: arm, Arch: pack.ARM64, Version: "latest"}, "not a semantic version"},
		{"wrong architecture", pack.Settings{Binary: arm, Arch: pack.AMD64, Version: "0.1.0"}, "packaged as amd64"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			tt.s.OutDir = out
			_, err := pack.Package(tt.s)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Package error = %v, want it to mention %q", err, tt.want)
			}
			if entries, _ := os.ReadDir(out); len(entries) != 0 {
				t.Fatalf("a refused package left %d files", len(entries))
			}
		})
	}
}

// TestDeployCopyFollowsTheLastPackage: packaging amd64 after arm64 leaves
// both arch-named zips, and the template's copy holds the amd64 one, so
// deploying x86_64 needs no edit of the template's CodeUri.
func TestDeployCopyFollowsTheLastPackage(t *testing.T) {
	out := t.TempDir()
	arm, err := pack.Package(pack.Settings{Binary: writeBinary(t, linuxBinary(elf.EM_AARCH64, "arm")), Arch: pack.ARM64, Version: "2.0.0", OutDir: out})
	if err != nil {
		t.Fatal(err)
	}
	amd, err := pack.Package(pack.Settings{Binary: writeBinary(t, linuxBinary(elf.EM_X86_64, "amd")), Arch: pack.AMD64, Version: "2.0.0", OutDir: out})
	if err != nil {
		t.Fatal(err)
	}
	if arm.Deploy != amd.Deploy || filepath.Base(amd.Deploy) != pack.DeployFileName("2.0.0") {
		t.Fatalf("Deploy = %s then %s, want one path named %s", arm.Deploy, amd.Deploy, pack.DeployFileName("2.0.0"))
	}
	for path, want := range map[string]string{arm.Zip: arm.SHA256, amd.Zip: amd.SHA256, amd.Deploy: amd.SHA256} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		if got := hex.EncodeToString(sum[:]); got != want {
			t.Errorf("%s hashes to %s, want %s", filepath.Base(path), got, want)
		}
	}
}
