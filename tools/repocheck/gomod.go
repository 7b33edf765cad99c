package repocheck

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// goMod is the part of a go.mod file the rules look at. A small parser of
// our own keeps the tools module free of golang.org/x/mod.
type goMod struct {
	module    string
	toolchain string // the toolchain directive's value, "" when absent
	requires  []modRequire
	replaces  map[string]string // old module path → replacement path
}

// modRequire is one required module.
type modRequire struct {
	path    string
	version string
}

// parseGoMod reads the module, toolchain, require and replace directives,
// single-line or in parenthesised blocks; other directives are skipped.
func parseGoMod(r io.Reader) (goMod, error) {
	m := goMod{replaces: map[string]string{}}
	sc := bufio.NewScanner(r)
	block := ""
	lineNo := 0
	for sc.Scan() {
		lineNo++
		fields, err := goModFields(sc.Text())
		if err != nil {
			return goMod{}, fmt.Errorf("go.mod line %d: %w", lineNo, err)
		}
		if len(fields) == 0 {
			continue
		}
		if block != "" {
			if fields[0] == ")" {
				block = ""
				continue
			}
			m.directive(block, fields)
			continue
		}
		if len(fields) == 2 && fields[1] == "(" {
			block = fields[0]
			continue
		}
		m.directive(fields[0], fields[1:])
	}
	if err := sc.Err(); err != nil {
		return goMod{}, fmt.Errorf("read go.mod: %w", err)
	}
	return m, nil
}

// directive records one directive's arguments.
func (m *goMod) directive(verb string, args []string) {
	switch verb {
	case "module":
		if len(args) > 0 {
			m.module = args[0]
		}
	case "toolchain":
		if len(args) > 0 {
			m.toolchain = args[0]
		}
	case "require":
		if len(args) >= 2 {
			m.requires = append(m.requires, modRequire{path: args[0], version: args[1]})
		}
	case "replace":
		arrow := -1
		for i, a := range args {
			if a == "=>" {
				arrow = i
			}
		}
		if arrow >= 1 && arrow+1 < len(args) {
			m.replaces[args[0]] = args[arrow+1]
		}
	}
}

// goModFields splits a go.mod line into tokens, dropping a trailing //
// comment and unquoting quoted tokens.
func goModFields(line string) ([]string, error) {
	if i := strings.Index(line, "//"); i >= 0 {
		line = line[:i]
	}
	raw := strings.Fields(line)
	out := make([]string, 0, len(raw))
	for _, f := range raw {
		if strings.HasPrefix(f, `"`) || strings.HasPrefix(f, "`") {
			u, err := strconv.Unquote(f)
			if err != nil {
				return nil, fmt.Errorf("bad quoted token %s: %w", f, err)
			}
			f = u
		}
		out = append(out, f)
	}
	return out, nil
}
