package pack_test

import (
	"archive/zip"
	"bytes"
	"debug/elf"
	"fmt"
	"os"
	"path/filepath"

	"github.com/lee-engine/lee/tools/pack"
)

func ExampleWriteZip() {
	var buf bytes.Buffer
	if err := pack.WriteZip(&buf, []byte("a Linux executable")); err != nil {
		fmt.Println(err)
		return
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range zr.File {
		fmt.Println(f.Name, f.Mode(), f.Modified.Format("2006-01-02 15:04"), len(f.Extra))
	}
	// Output:
	// bootstrap -rwxr-xr-x 2020-01-01 00:00 0
}

func ExamplePackage() {
	dir, err := os.MkdirTemp("", "lee-pack-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "bootstrap")
	if err := os.WriteFile(bin, linuxBinary(elf.EM_AARCH64, "example"), 0o755); err != nil {
		fmt.Println(err)
		return
	}
	r, err := pack.Package(pack.Settings{Binary: bin, Arch: pack.ARM64, Version: "0.1.0", OutDir: filepath.Join(dir, "dist")})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(filepath.Base(r.Zip), filepath.Base(r.Checksum), filepath.Base(r.Deploy), len(r.SHA256))
	// Output:
	// lee-0.1.0-arm64.zip lee-0.1.0-arm64.zip.sha256 lee-0.1.0.zip 64
}
