package pack_test

import (
	"debug/elf"
	"testing"

	"github.com/lee-engine/lee/tools/pack"
)

func TestParseArch(t *testing.T) {
	tests := []struct {
		in     string
		want   pack.Arch
		lambda string
		ok     bool
	}{
		{"arm64", pack.ARM64, "arm64", true},
		{"amd64", pack.AMD64, "x86_64", true},
		{"x86_64", pack.AMD64, "x86_64", true},
		{"ARM64", "", "", false},
		{"386", "", "", false},
		{"", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := pack.ParseArch(tt.in)
			if (err == nil) != tt.ok || got != tt.want {
				t.Fatalf("ParseArch(%q) = %q, %v", tt.in, got, err)
			}
			if tt.ok && got.Lambda() != tt.lambda {
				t.Fatalf("Lambda() = %q, want %q", got.Lambda(), tt.lambda)
			}
		})
	}
}

func TestCheckBinary(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		arch pack.Arch
		ok   bool
	}{
		{"arm64 for arm64", linuxBinary(elf.EM_AARCH64, "x"), pack.ARM64, true},
		{"amd64 for amd64", linuxBinary(elf.EM_X86_64, "x"), pack.AMD64, true},
		{"position independent", fakeELF(elf.ELFCLASS64, elf.ELFOSABI_NONE, elf.ET_DYN, elf.EM_AARCH64, ""), pack.ARM64, true},
		{"amd64 packaged as arm64", linuxBinary(elf.EM_X86_64, "x"), pack.ARM64, false},
		{"arm64 packaged as amd64", linuxBinary(elf.EM_AARCH64, "x"), pack.AMD64, false},
		{"32-bit", fakeELF(elf.ELFCLASS32, elf.ELFOSABI_NONE, elf.ET_EXEC, elf.EM_ARM, ""), pack.ARM64, false},
		{"FreeBSD", fakeELF(elf.ELFCLASS64, elf.ELFOSABI_FREEBSD, elf.ET_EXEC, elf.EM_AARCH64, ""), pack.ARM64, false},
		{"object file", fakeELF(elf.ELFCLASS64, elf.ELFOSABI_NONE, elf.ET_REL, elf.EM_AARCH64, ""), pack.ARM64, false},
		{"Mach-O", []byte{0xcf, 0xfa, 0xed, 0xfe, 0x0c, 0, 0, 0x01}, pack.ARM64, false},
		{"shell script", []byte("#!/bin/sh\nexec ./lee\n"), pack.ARM64, false},
		{"empty", nil, pack.ARM64, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := pack.CheckBinary(tt.data, tt.arch)
			if (err == nil) != tt.ok {
				t.Fatalf("CheckBinary = %v, want ok=%v", err, tt.ok)
			}
		})
	}
}
