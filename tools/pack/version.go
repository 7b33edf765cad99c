package pack

import (
	"errors"
	"fmt"
	"regexp"

	"github.com/lee-engine/lee/tools/internal/gosrc"
)

// versionPattern is what a package version must look like: it becomes part
// of a file name, so nothing beyond semantic-version characters is allowed.
var versionPattern = regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$`)

// ErrNoVersion is returned when a Go file declares no string constant
// named Version.
var ErrNoVersion = errors.New("no string constant Version")

// FunctionVersion reads the Version constant from a Go source file (the
// function module's version.go) without compiling it, so the package is
// named after the version the source declares rather than after the tool's
// own build.
func FunctionVersion(path string) (string, error) {
	consts, err := gosrc.StringConsts(path, gosrc.Named("Version"))
	if err != nil {
		return "", fmt.Errorf("read function version: %w", err)
	}
	if len(consts) == 0 {
		return "", fmt.Errorf("read function version from %s: %w", path, ErrNoVersion)
	}
	v := consts[0].Value
	if err := checkVersion(v); err != nil {
		return "", fmt.Errorf("read function version from %s: %w", path, err)
	}
	return v, nil
}

func checkVersion(v string) error {
	if !versionPattern.MatchString(v) {
		return fmt.Errorf("version %q is not a semantic version like 1.2.3", v)
	}
	return nil
}
