package pack_test

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"
	"time"

	"github.com/lee-engine/lee/tools/pack"
	"pgregory.net/rapid"
)

// readZip opens data and returns its entries.
func readZip(t *testing.T, data []byte) *zip.Reader {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("the package is not a readable zip: %v", err)
	}
	return zr
}

func TestWriteZipEntry(t *testing.T) {
	binary := bytes.Repeat([]byte("lee bootstrap "), 1000)
	var buf bytes.Buffer
	if err := pack.WriteZip(&buf, binary); err != nil {
		t.Fatal(err)
	}
	zr := readZip(t, buf.Bytes())
	if len(zr.File) != 1 {
		t.Fatalf("%d entries, want 1", len(zr.File))
	}
	f := zr.File[0]
	checks := []struct {
		what string
		ok   bool
	}{
		{"name is bootstrap", f.Name == "bootstrap"},
		{"mode is 0755", f.Mode() == 0o755},
		{"compressed with deflate", f.Method == zip.Deflate},
		{"modified 2020-01-01 00:00 UTC", f.Modified.Equal(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))},
		{"no extra fields", len(f.Extra) == 0},
		{"no data descriptor", f.Flags&0x8 == 0},
		{"no entry comment", f.Comment == ""},
		{"no archive comment", zr.Comment == ""},
		{"smaller than the input", f.CompressedSize64 < uint64(len(binary))},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("entry: %s: false (%+v)", c.what, f.FileHeader)
		}
	}
	rc, err := f.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	got, err := io.ReadAll(rc)
	if err != nil {
		t.Fatalf("read entry (checks the CRC): %v", err)
	}
	if !bytes.Equal(got, binary) {
		t.Fatal("entry content differs from the binary")
	}
}

// TestWriteZipProperties checks, for any content, that the zip gives the
// content back and that writing it again gives the same bytes.
func TestWriteZipProperties(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		binary := rapid.SliceOfN(rapid.Byte(), 0, 4096).Draw(rt, "binary")
		var a, b bytes.Buffer
		if err := pack.WriteZip(&a, binary); err != nil {
			rt.Fatal(err)
		}
		if err := pack.WriteZip(&b, binary); err != nil {
			rt.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			rt.Fatal("two zips of the same content differ")
		}
		zr, err := zip.NewReader(bytes.NewReader(a.Bytes()), int64(a.Len()))
		if err != nil || len(zr.File) != 1 {
			rt.Fatalf("zip unreadable or not one entry: %v", err)
		}
		rc, err := zr.File[0].Open()
		if err != nil {
			rt.Fatal(err)
		}
		got, err := io.ReadAll(rc)
		rc.Close()
		if err != nil || !bytes.Equal(got, binary) {
			rt.Fatalf("round trip failed: %v", err)
		}
	})
}
