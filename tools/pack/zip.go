package pack

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
)

// EntryName is the only file in the package: the name provided.al2023
// executes.
const EntryName = "bootstrap"

// Fixed MS-DOS date and time of the entry: 2020-01-01 00:00:00. The date
// packs (year-1980)<<9 | month<<5 | day; midnight is time 0.
const (
	dosDate uint16 = (2020-1980)<<9 | 1<<5 | 1
	dosTime uint16 = 0
)

// compressionLevel is fixed so that the compressed bytes depend only on
// the input and the Go release that built lee.
const compressionLevel = flate.BestCompression

// WriteZip writes a zip holding binary as the single entry "bootstrap",
// mode 0755, with every field that usually varies between machines fixed.
// The entry is compressed first and written raw, so its sizes and CRC sit
// in the local header and no data descriptor follows.
func WriteZip(w io.Writer, binary []byte) error {
	var compressed bytes.Buffer
	fw, err := flate.NewWriter(&compressed, compressionLevel)
	if err != nil {
		return fmt.Errorf("write zip: %w", err)
	}
	if _, err := fw.Write(binary); err != nil {
		return fmt.Errorf("write zip: compress: %w", err)
	}
	if err := fw.Close(); err != nil {
		return fmt.Errorf("write zip: compress: %w", err)
	}
	fh := &zip.FileHeader{
		Name:               EntryName,
		Method:             zip.Deflate,
		ModifiedDate:       dosDate,
		ModifiedTime:       dosTime,
		CRC32:              crc32.ChecksumIEEE(binary),
		CompressedSize64:   uint64(compressed.Len()),
		UncompressedSize64: uint64(len(binary)),
	}
	fh.SetMode(0o755)
	zw := zip.NewWriter(w)
	entry, err := zw.CreateRaw(fh)
	if err != nil {
		return fmt.Errorf("write zip: %w", err)
	}
	if _, err := entry.Write(compressed.Bytes()); err != nil {
		return fmt.Errorf("write zip: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write zip: %w", err)
	}
	return nil
}
