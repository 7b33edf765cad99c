package harness

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// FloorPackage is the import path of the performance floor function.
const FloorPackage = "github.com/lee-engine/lee/tools/floor"

// BuildFloor builds the performance floor (FloorPackage) into
// outDir/bootstrap for Linux and goarch ("amd64" or "x86_64", "arm64" or
// "aarch64"; empty: the host's architecture) and returns the binary's path.
// It uses the flags the real bootstrap is built with (see BuildBootstrap)
// so the two compare fairly. It needs the go command and runs it in the
// tools module when its source is present, else in the working directory,
// which must then lie inside the workspace.
func BuildFloor(ctx context.Context, outDir, goarch string) (string, error) {
	out, err := buildLinux(ctx, moduleDir(), FloorPackage, filepath.Join(outDir, "bootstrap"), goarch, false)
	if err != nil {
		return "", fmt.Errorf("harness: build floor: %w", err)
	}
	return out, nil
}

// BuildBootstrap builds the function module in functionDir into out (its
// folder is created when missing) for Linux and goarch ("amd64" or
// "x86_64", "arm64" or "aarch64"; empty: the host's architecture, so the
// result runs here) with the flags of `make bootstrap`: CGO_ENABLED=0,
// -tags lambda.norpc, -trimpath, -ldflags "-s -w". It runs the go command
// found in PATH, whose output is part of the error: a failed build is only
// useful with its compiler messages.
func BuildBootstrap(ctx context.Context, functionDir, out, goarch string) error {
	if _, err := buildLinux(ctx, functionDir, ".", out, goarch, false); err != nil {
		return fmt.Errorf("harness: build bootstrap in %s: %w", functionDir, err)
	}
	return nil
}

// BuildBootstrapRace builds the function module like BuildBootstrap, for the
// host's architecture, with the race detector: -race, which needs cgo and so
// a C compiler. Such a binary writes "WARNING: DATA RACE" and the racing
// stacks to its stderr, so a test that runs overlapping invocations
// (Settings.MaxConcurrency) in it can find the data races of the real
// function. It is several times slower and larger than the binary Lambda
// runs: use it for that, never to measure.
func BuildBootstrapRace(ctx context.Context, functionDir, out string) error {
	if _, err := buildLinux(ctx, functionDir, ".", out, "", true); err != nil {
		return fmt.Errorf("harness: build bootstrap with -race in %s: %w", functionDir, err)
	}
	return nil
}

// buildLinux runs go build for pkg in dir ("": the working directory) with
// the flags of `make bootstrap` (cgo and -race added when race is set) and
// returns the absolute path of out.
func buildLinux(ctx context.Context, dir, pkg, out, goarch string, race bool) (string, error) {
	arch, err := lambdaArch(goarch)
	if err != nil {
		return "", err
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return "", err
	}
	args := []string{"build", "-tags", "lambda.norpc", "-trimpath", "-ldflags", "-s -w", "-o", abs}
	cgo := "CGO_ENABLED=0"
	if race {
		args, cgo = append(args, "-race"), "CGO_ENABLED=1"
	}
	cmd := exec.CommandContext(ctx, "go", append(args, pkg)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), cgo, "GOOS=linux", "GOARCH="+arch)
	var output bytes.Buffer
	cmd.Stdout = &output
	cmd.Stderr = &output
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go build for linux/%s: %w: %s", arch, err, strings.TrimSpace(output.String()))
	}
	return abs, nil
}

// lambdaArch maps the names Lambda and Go use for its two architectures to
// Go's.
func lambdaArch(goarch string) (string, error) {
	switch goarch {
	case "":
		return runtime.GOARCH, nil
	case "amd64", "x86_64":
		return "amd64", nil
	case "arm64", "aarch64":
		return "arm64", nil
	}
	return "", fmt.Errorf("architecture %q is not one Lambda runs (amd64/x86_64, arm64)", goarch)
}

// moduleDir finds the tools module from this file's compile-time path, which
// exists when the harness runs from source (tests, go run). A binary built
// with -trimpath has no such path, and "" keeps the working directory.
func moduleDir() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return ""
	}
	dir := filepath.Dir(filepath.Dir(file))
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
		return ""
	}
	return dir
}
