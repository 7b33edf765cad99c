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
// It is built exactly as the real bootstrap is (see BuildBootstrap), so the
// two compare fairly. It needs the go command and runs it in the
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
// result runs here). It is the one definition of how the bootstrap is built:
// `make bootstrap` runs it (through `lee build`), and so do the demo, the
// benchmarks and the end-to-end tests; BuildCommand shows the command. It
// runs the go command found in PATH, whose output is part of the error: a
// failed build is only useful with its compiler messages.
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

// buildFlags are the go build flags of every Lambda binary: no RPC mode in
// aws-lambda-go, no file system paths, and no version-control stamps, so
// that the same source gives the same bytes from a clone, a tree with
// untracked files or a `git archive` (the version is the function's Version
// constant); stripped of symbols and DWARF.
var buildFlags = []string{"-tags", "lambda.norpc", "-trimpath", "-buildvcs=false", "-ldflags", "-s -w"}

// buildEnv is the environment of a build for Go architecture arch: static,
// Linux, and each architecture's baseline instruction set, so that a
// GOAMD64 or GOARM64 set on the build machine changes nothing.
func buildEnv(arch string) []string {
	return []string{"CGO_ENABLED=0", "GOOS=linux", "GOARCH=" + arch, "GOAMD64=v1", "GOARM64=v8.0"}
}

// BuildCommand is the command BuildBootstrap runs for goarch, as a shell
// would read it, without the output file and the package.
func BuildCommand(goarch string) (string, error) {
	arch, err := lambdaArch(goarch)
	if err != nil {
		return "", err
	}
	words := append(buildEnv(arch), "go", "build")
	for _, f := range buildFlags {
		if strings.ContainsRune(f, ' ') {
			f = "'" + f + "'"
		}
		words = append(words, f)
	}
	return strings.Join(words, " "), nil
}

// BuildPackage builds the main package pkg (an import path, or "." for the
// package in dir) with the go command run in dir, into out, with the same
// flags and architectures as BuildBootstrap. It is how a module that only
// requires github.com/lee-engine/lee/function at a released version builds
// the bootstrap `make bootstrap` builds from the workspace.
func BuildPackage(ctx context.Context, dir, pkg, out, goarch string) error {
	if _, err := buildLinux(ctx, dir, pkg, out, goarch, false); err != nil {
		return fmt.Errorf("harness: build %s in %s: %w", pkg, dir, err)
	}
	return nil
}

// buildLinux runs go build for pkg in dir ("": the working directory) with
// buildFlags and buildEnv (with cgo and -race when race is set) and returns
// the absolute path of out.
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
	args := append(append([]string{"build"}, buildFlags...), "-o", abs)
	env := append(os.Environ(), buildEnv(arch)...)
	if race {
		args, env = append(args, "-race"), append(env, "CGO_ENABLED=1")
	}
	cmd := exec.CommandContext(ctx, "go", append(args, pkg)...)
	cmd.Dir = dir
	cmd.Env = env
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
