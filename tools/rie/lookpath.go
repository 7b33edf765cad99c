package rie

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Name is the emulator's executable name.
const Name = "aws-lambda-rie"

// Install is the go install argument for the emulator version LEE is tested
// with.
const Install = "github.com/aws/aws-lambda-runtime-interface-emulator/cmd/aws-lambda-rie@v0.0.0-20261030222936-bef5c4ba774d"

// LookPath finds aws-lambda-rie in PATH, else where go install puts it:
// $(go env GOBIN), then the bin folder of each $(go env GOPATH) entry. Its
// error wraps exec.ErrNotFound and says how to install the emulator.
func LookPath() (string, error) {
	if p, err := exec.LookPath(Name); err == nil {
		return p, nil
	}
	dirs := goBinDirs()
	for _, dir := range dirs {
		p := filepath.Join(dir, Name)
		if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() && info.Mode()&0o111 != 0 {
			return p, nil
		}
	}
	return "", fmt.Errorf("rie: %s is not in PATH or %s (install it: go install %s): %w",
		Name, strings.Join(dirs, ", "), Install, exec.ErrNotFound)
}

// goBinDirs asks the go command where go install puts binaries; without a
// go command it falls back to Go's default, $HOME/go/bin.
func goBinDirs() []string {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "go", "env", "GOBIN", "GOPATH").Output()
	if err != nil {
		home, herr := os.UserHomeDir()
		if herr != nil {
			return nil
		}
		return []string{filepath.Join(home, "go", "bin")}
	}
	gobin, gopath, _ := strings.Cut(strings.TrimRight(string(out), "\n"), "\n")
	var dirs []string
	if gobin != "" {
		dirs = append(dirs, gobin)
	}
	for _, p := range filepath.SplitList(gopath) {
		if p != "" {
			dirs = append(dirs, filepath.Join(p, "bin"))
		}
	}
	return dirs
}
