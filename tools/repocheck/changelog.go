package repocheck

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// semver matches the X.Y.Z versions LEE releases (no pre-release suffix: a
// module is tagged <module>/vX.Y.Z only for real releases).
var semver = regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+$`)

// newestChangelogVersion returns the version of the first "## X.Y.Z" heading,
// which is the newest entry because changelogs list newest first. An
// "Unreleased" heading and headings that are not versions are passed over.
// Brackets and a leading "v" are tolerated ("## [v1.2.3] — date").
func newestChangelogVersion(r io.Reader) (string, error) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "## ") {
			continue
		}
		fields := strings.Fields(strings.TrimPrefix(line, "## "))
		if len(fields) == 0 {
			continue
		}
		v := strings.TrimPrefix(strings.Trim(fields[0], "[]"), "v")
		if semver.MatchString(v) {
			return v, nil
		}
	}
	if err := sc.Err(); err != nil {
		return "", fmt.Errorf("read changelog: %w", err)
	}
	return "", nil
}
