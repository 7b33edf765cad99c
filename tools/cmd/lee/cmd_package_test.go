package main

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// minimalELF is a 64-byte Linux ELF header for machine, enough for the
// architecture check.
func minimalELF(machine elf.Machine) []byte {
	h := make([]byte, 64)
	copy(h, elf.ELFMAG)
	h[elf.EI_CLASS] = byte(elf.ELFCLASS64)
	h[elf.EI_DATA] = byte(elf.ELFDATA2LSB)
	h[elf.EI_VERSION] = byte(elf.EV_CURRENT)
	binary.LittleEndian.PutUint16(h[16:], uint16(elf.ET_EXEC))
	binary.LittleEndian.PutUint16(h[18:], uint16(machine))
	binary.LittleEndian.PutUint32(h[20:], uint32(elf.EV_CURRENT))
	binary.LittleEndian.PutUint16(h[52:], 64)
	binary.LittleEndian.PutUint16(h[54:], 56)
	binary.LittleEndian.PutUint16(h[58:], 64)
	return h
}

func TestRunPackage(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "bootstrap")
	if err := os.WriteFile(bin, minimalELF(elf.EM_AARCH64), 0o755); err != nil {
		t.Fatal(err)
	}
	versionFile := filepath.Join(dir, "version.go")
	if err := os.WriteFile(versionFile, []byte("package main\n\nconst Version = \"3.4.5\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "dist")
	tests := []struct {
		name  string
		args  []string
		code  int
		wants []string
	}{
		{"arm64", []string{"--binary", bin, "--arch", "arm64", "--out", out, "--version-file", versionFile}, 0,
			[]string{"lee-3.4.5-arm64.zip (deploy with Architecture=arm64)", "  lee-3.4.5-arm64.zip\n",
				"lee-3.4.5.zip, the copy deploy/template.yaml deploys: give it Architecture=arm64"}},
		{"repository version", []string{"--binary", bin, "--arch", "arm64", "--out", out}, 0,
			[]string{"-arm64.zip"}},
		{"wrong architecture", []string{"--binary", bin, "--arch", "amd64", "--out", out, "--version-file", versionFile}, 1, nil},
		{"missing arch", []string{"--binary", bin, "--out", out, "--version-file", versionFile}, 2, nil},
		{"stray argument", []string{"--arch", "arm64", "extra"}, 2, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := runPackage(tc.args, &stdout, &stderr)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, stdout.String(), stderr.String())
			}
			for _, w := range tc.wants {
				if !strings.Contains(stdout.String(), w) {
					t.Errorf("stdout lacks %q:\n%s", w, stdout.String())
				}
			}
		})
	}
	if _, err := os.Stat(filepath.Join(out, "lee-3.4.5-arm64.zip.sha256")); err != nil {
		t.Fatalf("checksum file: %v", err)
	}
}
