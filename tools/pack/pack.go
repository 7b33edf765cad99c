package pack

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// maxBinary bounds the bootstrap read into memory. Lambda refuses
// deployment packages over 250 MB unzipped; LEE's binary is a few MB.
const maxBinary = 250 << 20

// Settings say what to package and where.
//
//   - Binary is the path of the bootstrap executable. Required.
//   - Arch is the architecture the binary was built for; it names the
//     package and is checked against the binary. Required.
//   - Version is the function's version, which names the package (see
//     FunctionVersion). Required; must look like 1.2.3.
//   - OutDir is the folder the zip and its checksum are written to,
//     created when missing. Empty: the folder holding Binary.
type Settings struct {
	Binary  string
	Arch    Arch
	Version string
	OutDir  string
}

// Result names what Package wrote.
type Result struct {
	// Zip is the path of lee-<version>-<arch>.zip.
	Zip string
	// Deploy is the path of lee-<version>.zip, the same bytes under the
	// name deploy/template.yaml's CodeUri gives (see DeployFileName).
	Deploy string
	// Checksum is the path of the zip's .sha256 file.
	Checksum string
	// SHA256 is the zip's SHA-256 digest in lower-case hex.
	SHA256 string
}

// FileName is the package's file name for version and arch.
func FileName(version string, arch Arch) string {
	return "lee-" + version + "-" + string(arch) + ".zip"
}

// DeployFileName is the name of the copy of the last package built for
// version, whatever its architecture: the file deploy/template.yaml
// deploys, so that either architecture deploys without editing the
// template (its Architecture parameter says which one the copy holds).
func DeployFileName(version string) string {
	return "lee-" + version + ".zip"
}

// Package checks the binary, writes the zip, its checksum file, and the
// same zip under DeployFileName. Each file is written beside its final name
// and renamed into place, so an interrupted run never leaves a half-written
// zip under the real name.
func Package(s Settings) (Result, error) {
	if err := s.validate(); err != nil {
		return Result{}, err
	}
	binary, err := readBinary(s.Binary)
	if err != nil {
		return Result{}, err
	}
	if err := CheckBinary(binary, s.Arch); err != nil {
		return Result{}, fmt.Errorf("package %s: %w", s.Binary, err)
	}
	var buf bytes.Buffer
	if err := WriteZip(&buf, binary); err != nil {
		return Result{}, fmt.Errorf("package %s: %w", s.Binary, err)
	}
	out := s.OutDir
	if out == "" {
		out = filepath.Dir(s.Binary)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return Result{}, fmt.Errorf("package: %w", err)
	}
	name := FileName(s.Version, s.Arch)
	sum := sha256.Sum256(buf.Bytes())
	r := Result{
		Zip:      filepath.Join(out, name),
		Deploy:   filepath.Join(out, DeployFileName(s.Version)),
		Checksum: filepath.Join(out, name+".sha256"),
		SHA256:   hex.EncodeToString(sum[:]),
	}
	for _, f := range []struct {
		path string
		data []byte
	}{
		{r.Zip, buf.Bytes()},
		{r.Checksum, []byte(ChecksumLine(r.SHA256, name))},
		{r.Deploy, buf.Bytes()},
	} {
		if err := writeFile(f.path, f.data); err != nil {
			return Result{}, err
		}
	}
	return r, nil
}

// ChecksumLine is one line of sha256sum's output: the digest, two spaces
// (text mode) and the file name, so `sha256sum -c` verifies it from the
// folder holding the zip.
func ChecksumLine(digest, name string) string {
	return digest + "  " + name + "\n"
}

func (s Settings) validate() error {
	switch {
	case s.Binary == "":
		return errors.New("package: no binary given")
	case s.Arch != ARM64 && s.Arch != AMD64:
		return fmt.Errorf("package: architecture %q is not arm64 or amd64", s.Arch)
	}
	if err := checkVersion(s.Version); err != nil {
		return fmt.Errorf("package: %w", err)
	}
	return nil
}

func readBinary(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("package: %w", err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("package: %s is not a regular file", path)
	}
	if info.Size() > maxBinary {
		return nil, fmt.Errorf("package: %s is %d bytes, over Lambda's 250 MB limit", path, info.Size())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("package: %w", err)
	}
	return data, nil
}

// writeFile writes data to a temporary file beside path and renames it
// into place.
func writeFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("package: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("package: write %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("package: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("package: write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("package: %w", err)
	}
	return nil
}
