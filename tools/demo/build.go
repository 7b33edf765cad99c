package demo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// BuildBootstrap compiles the function module in functionDir into out with
// the flags `make bootstrap` uses (CGO_ENABLED=0, GOOS=linux, -tags
// lambda.norpc, -trimpath, -ldflags "-s -w"), for the host's architecture so
// that the result can run here. The go command's output is part of the
// error, since a failed build is only useful with its compiler messages.
func BuildBootstrap(ctx context.Context, functionDir, out string) error {
	abs, err := filepath.Abs(out)
	if err != nil {
		return fmt.Errorf("demo: build bootstrap: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return fmt.Errorf("demo: build bootstrap: %w", err)
	}
	cmd := exec.CommandContext(ctx, "go", "build",
		"-tags", "lambda.norpc", "-trimpath", "-ldflags", "-s -w", "-o", abs, ".")
	cmd.Dir = functionDir
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS=linux", "GOARCH="+runtime.GOARCH)
	var output bytes.Buffer
	cmd.Stdout = &output
	cmd.Stderr = &output
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("demo: build bootstrap in %s: %w: %s", functionDir, err, strings.TrimSpace(output.String()))
	}
	return nil
}

// errNoRoot marks a working directory outside the repository.
var errNoRoot = errors.New("no go.work in this folder or above it")

// FindRoot returns the repository root: the nearest folder at or above dir
// that holds go.work.
func FindRoot(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("demo: find repository root: %w", err)
	}
	for d := abs; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.work")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("demo: find repository root from %s: %w", abs, errNoRoot)
		}
	}
}
