package deploycheck

import (
	"bufio"
	"bytes"
	"strings"
)

// MakeDefault returns the value the Makefile in data gives variable name
// when the command line and the environment do not: the right-hand side of
// its first top-level `name ?= value`, `name := value` or `name = value`
// line, with a trailing comment removed. It reports false when there is
// none. Recipes (lines starting with a tab) are skipped.
func MakeDefault(data []byte, name string) (string, bool) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "\t") {
			continue
		}
		rest, ok := strings.CutPrefix(strings.TrimSpace(line), name)
		if !ok {
			continue
		}
		rest = strings.TrimLeft(rest, " \t")
		for _, op := range []string{"?=", ":=", "="} {
			if value, ok := strings.CutPrefix(rest, op); ok {
				value, _, _ = strings.Cut(value, "#")
				return strings.TrimSpace(value), true
			}
		}
	}
	return "", false
}
