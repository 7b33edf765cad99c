package release

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/mod/semver"
)

// ErrBadVersion reports a version that is not X.Y.Z, or one a module path
// without a /vN suffix cannot carry.
var ErrBadVersion = errors.New("bad version")

// ErrNotGreater reports a new version that is not above the current one.
var ErrNotGreater = errors.New("version not greater than the current one")

// parseVersion accepts "X.Y.Z" or "vX.Y.Z" and returns "X.Y.Z". Pre-release
// and build suffixes are refused, as lee check versions refuses them, and so
// is a major version above 1: Go would want a /vN module path for it.
func parseVersion(s string) (string, error) {
	v := "v" + strings.TrimPrefix(s, "v")
	if !semver.IsValid(v) || semver.Canonical(v) != v || semver.Prerelease(v) != "" {
		return "", fmt.Errorf("%w %q: want X.Y.Z, e.g. 0.2.0", ErrBadVersion, s)
	}
	if major := semver.Major(v); major != "v0" && major != "v1" {
		return "", fmt.Errorf("%w %q: major version %s needs the module path to end in /%s, which LEE's modules do not", ErrBadVersion, s, major, major)
	}
	return v[1:], nil
}

// checkGreater fails with ErrNotGreater unless next is above current (both X.Y.Z).
func checkGreater(name, current, next string) error {
	if semver.Compare("v"+next, "v"+current) <= 0 {
		return fmt.Errorf("%w: %s is at %s, and %s is not above it", ErrNotGreater, name, current, next)
	}
	return nil
}

// Tag is one module version's git tag, <module>/vX.Y.Z.
type Tag struct {
	Module  string // folder name, e.g. "cache"
	Version string // X.Y.Z
}

// String is the tag's name.
func (t Tag) String() string { return t.Module + "/v" + t.Version }
