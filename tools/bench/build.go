package bench

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// BuildBootstrap builds the function module (root/function) into out for
// Linux and goarch ("amd64" or "x86_64", "arm64"; "" for the host's), with
// the flags of `make bootstrap`: CGO_ENABLED=0, -tags lambda.norpc,
// -trimpath, -ldflags "-s -w". It runs the go command found in PATH.
func BuildBootstrap(ctx context.Context, root, out, goarch string) error {
	arch, err := goArch(goarch)
	if err != nil {
		return fmt.Errorf("build bootstrap: %w", err)
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return fmt.Errorf("build bootstrap: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return fmt.Errorf("build bootstrap: %w", err)
	}
	cmd := exec.CommandContext(ctx, "go", "build", "-tags", "lambda.norpc", "-trimpath",
		"-ldflags", "-s -w", "-o", abs, ".")
	cmd.Dir = filepath.Join(root, "function")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS=linux", "GOARCH="+arch)
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("build bootstrap for linux/%s: %w: %s", arch, err, strings.TrimSpace(output.String()))
	}
	return nil
}

// goArch maps Lambda's and Go's names of Lambda's two architectures to Go's.
func goArch(name string) (string, error) {
	switch name {
	case "":
		return runtime.GOARCH, nil
	case "amd64", "x86_64":
		return "amd64", nil
	case "arm64", "aarch64":
		return "arm64", nil
	}
	return "", fmt.Errorf("architecture %q is not one Lambda runs (amd64/x86_64, arm64)", name)
}

// lambdaArch is Lambda's name of a Go architecture, as freetier takes it.
func lambdaArch(goarch string) string {
	if goarch == "amd64" {
		return "x86_64"
	}
	return goarch
}

// goVersion asks the go command that builds the binaries for its version.
func goVersion(ctx context.Context) string {
	out, err := exec.CommandContext(ctx, "go", "env", "GOVERSION").Output()
	if err != nil {
		return runtime.Version()
	}
	return strings.TrimSpace(string(out))
}

// cpuModel is the first "model name" of /proc/cpuinfo, or "" elsewhere.
func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		key, value, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(key) == "model name" {
			return strings.TrimSpace(value)
		}
	}
	return ""
}

// fileSize is the size of path in bytes.
func fileSize(path string) (int64, error) {
	info, err := os.Stat(path)
	if err != nil {
		return 0, fmt.Errorf("size of %s: %w", path, err)
	}
	return info.Size(), nil
}
