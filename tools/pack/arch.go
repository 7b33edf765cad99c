package pack

import (
	"bytes"
	"debug/elf"
	"fmt"
)

// Arch is a Go architecture name as it appears in the package's file name.
type Arch string

// The two architectures Lambda runs.
const (
	ARM64 Arch = "arm64"
	AMD64 Arch = "amd64"
)

// ParseArch accepts "arm64", "amd64" and Lambda's own spelling of the
// latter, "x86_64", so either vocabulary works on the command line.
func ParseArch(s string) (Arch, error) {
	switch s {
	case "arm64":
		return ARM64, nil
	case "amd64", "x86_64":
		return AMD64, nil
	}
	return "", fmt.Errorf("architecture %q is not arm64 or amd64", s)
}

// Lambda is the architecture's name in Lambda's Architectures property and
// in the template's Architecture parameter.
func (a Arch) Lambda() string {
	if a == AMD64 {
		return "x86_64"
	}
	return string(a)
}

func (a Arch) machine() elf.Machine {
	if a == AMD64 {
		return elf.EM_X86_64
	}
	return elf.EM_AARCH64
}

// CheckBinary reports why data cannot be the bootstrap of a provided.al2023
// function for arch: it must be a 64-bit little-endian Linux ELF executable
// for that machine. A binary built for the wrong GOOS or GOARCH is caught
// here rather than by Lambda at the first invocation.
func CheckBinary(data []byte, arch Arch) error {
	f, err := elf.NewFile(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("check bootstrap: not a Linux ELF executable (build it with GOOS=linux): %w", err)
	}
	defer f.Close()
	switch {
	case f.Class != elf.ELFCLASS64 || f.Data != elf.ELFDATA2LSB:
		return fmt.Errorf("check bootstrap: %v %v ELF, want a 64-bit little-endian executable", f.Class, f.Data)
	case f.OSABI != elf.ELFOSABI_NONE && f.OSABI != elf.ELFOSABI_LINUX:
		return fmt.Errorf("check bootstrap: ELF for %v, want Linux (build it with GOOS=linux)", f.OSABI)
	case f.Type != elf.ET_EXEC && f.Type != elf.ET_DYN:
		return fmt.Errorf("check bootstrap: ELF of type %v, want an executable", f.Type)
	case f.Machine != arch.machine():
		return fmt.Errorf("check bootstrap: built for %v but packaged as %s: rebuild with GOARCH=%s or package with the matching --arch",
			f.Machine, arch, arch)
	}
	return nil
}
