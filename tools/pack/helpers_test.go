package pack_test

import (
	"debug/elf"
	"encoding/binary"
)

// fakeELF returns the smallest ELF file debug/elf accepts: a 64-byte
// header with no program or section headers, followed by payload so that
// different fakes have different contents.
func fakeELF(class elf.Class, osabi elf.OSABI, typ elf.Type, machine elf.Machine, payload string) []byte {
	h := make([]byte, 64)
	copy(h, elf.ELFMAG)
	h[elf.EI_CLASS] = byte(class)
	h[elf.EI_DATA] = byte(elf.ELFDATA2LSB)
	h[elf.EI_VERSION] = byte(elf.EV_CURRENT)
	h[elf.EI_OSABI] = byte(osabi)
	le := binary.LittleEndian
	le.PutUint16(h[16:], uint16(typ))
	le.PutUint16(h[18:], uint16(machine))
	le.PutUint32(h[20:], uint32(elf.EV_CURRENT))
	le.PutUint16(h[52:], 64) // e_ehsize
	le.PutUint16(h[54:], 56) // e_phentsize
	le.PutUint16(h[58:], 64) // e_shentsize
	return append(h, payload...)
}

// linuxBinary is a fake Linux executable for machine.
func linuxBinary(machine elf.Machine, payload string) []byte {
	return fakeELF(elf.ELFCLASS64, elf.ELFOSABI_NONE, elf.ET_EXEC, machine, payload)
}
