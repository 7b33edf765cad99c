package release

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/mod/modfile"

	"github.com/lee-engine/lee/tools/internal/gosrc"
)

// The edits below are pure: bytes in, bytes out, so each is tested on its
// own and a dry run computes exactly what a real run writes.

// setVersionConst rewrites the literal of the Version constant c (found in
// src by gosrc) to version, leaving every other byte alone.
func setVersionConst(src []byte, c gosrc.Const, version string) ([]byte, error) {
	if c.Start < 0 || c.End > len(src) || c.Start >= c.End {
		return nil, fmt.Errorf("Version constant of %s: offsets %d..%d outside the file", c.File, c.Start, c.End)
	}
	out := make([]byte, 0, len(src)+len(version))
	out = append(out, src[:c.Start]...)
	out = append(out, strconv.Quote(version)...)
	return append(out, src[c.End:]...), nil
}

// ErrNoUnreleased reports a CHANGELOG.md without an "## Unreleased" section,
// or with an empty one: a release says what changed.
var ErrNoUnreleased = errors.New(`no "## Unreleased" section`)

// unreleasedHeading reports whether line is the heading of the section of
// changes not yet released ("## Unreleased", or "## [Unreleased]").
func unreleasedHeading(line string) bool {
	title, ok := strings.CutPrefix(strings.TrimSpace(line), "## ")
	return ok && strings.EqualFold(strings.Trim(strings.TrimSpace(title), "[]"), "unreleased")
}

// isHeading2 reports whether line opens a second-level section.
func isHeading2(line string) bool { return strings.HasPrefix(line, "## ") }

// unreleasedSection returns the index of the Unreleased heading among lines
// and the index just past its section (the next "## " heading, or the end).
func unreleasedSection(lines []string) (head, end int, ok bool) {
	for i, l := range lines {
		if !unreleasedHeading(l) {
			continue
		}
		end = len(lines)
		for j := i + 1; j < len(lines); j++ {
			if isHeading2(lines[j]) {
				end = j
				break
			}
		}
		return i, end, true
	}
	return 0, 0, false
}

// releaseChangelog turns the "## Unreleased" heading of a CHANGELOG.md into
// "## X.Y.Z — YYYY-MM-DD", the form of the existing entries.
func releaseChangelog(data []byte, version, date string) ([]byte, error) {
	lines := strings.Split(string(data), "\n")
	head, end, ok := unreleasedSection(lines)
	if !ok {
		return nil, fmt.Errorf("%w: add one with the changes of this release", ErrNoUnreleased)
	}
	if strings.TrimSpace(strings.Join(lines[head+1:end], "")) == "" {
		return nil, fmt.Errorf(`%w: its "## Unreleased" section is empty; say what changed`, ErrNoUnreleased)
	}
	lines[head] = "## " + version + " — " + date
	return []byte(strings.Join(lines, "\n")), nil
}

// noteUnreleased adds the bullet "- note" at the end of the "## Unreleased"
// section, creating the section above the newest entry when there is none.
func noteUnreleased(data []byte, note string) []byte {
	lines := strings.Split(string(data), "\n")
	bullet := "- " + note
	if head, end, ok := unreleasedSection(lines); ok {
		at := end
		for at > head+1 && strings.TrimSpace(lines[at-1]) == "" {
			at--
		}
		insert := []string{bullet}
		if at == head+1 {
			insert = []string{"", bullet}
		}
		if at < len(lines) && isHeading2(lines[at]) {
			insert = append(insert, "")
		}
		return []byte(strings.Join(splice(lines, at, insert), "\n"))
	}
	at := len(lines)
	for i, l := range lines {
		if isHeading2(l) {
			at = i
			break
		}
	}
	insert := []string{"## Unreleased", "", bullet, ""}
	if at == len(lines) {
		// No entry yet: the section goes at the end, before the final
		// newline's empty last line.
		if lines[at-1] == "" {
			at--
		}
		insert = []string{"", "## Unreleased", "", bullet}
	}
	return []byte(strings.Join(splice(lines, at, insert), "\n"))
}

// splice inserts ins into lines before index at.
func splice(lines []string, at int, ins []string) []string {
	out := make([]string, 0, len(lines)+len(ins))
	out = append(out, lines[:at]...)
	out = append(out, ins...)
	return append(out, lines[at:]...)
}

// setManifestVersion rewrites module's value under "modules:" in the bytes
// of versions.yaml, leaving comments, order and quoting as they are.
func setManifestVersion(data []byte, name, version string) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("parse versions.yaml: %w", err)
	}
	value := manifestValue(&doc, name)
	if value == nil {
		return nil, fmt.Errorf("versions.yaml has no line for module %s under modules:", name)
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	if value.Line < 1 || value.Line > len(lines) {
		return nil, fmt.Errorf("versions.yaml: module %s's value is on line %d, outside the file", name, value.Line)
	}
	line := lines[value.Line-1]
	col := value.Column - 1
	rest := line[min(col, len(line)):]
	old := value.Value
	if value.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 && len(rest) > 0 {
		col++
		rest = rest[1:]
	}
	if !bytes.HasPrefix(rest, []byte(old)) {
		return nil, fmt.Errorf("versions.yaml line %d: cannot find module %s's value %q where the parser put it", value.Line, name, old)
	}
	edited := make([]byte, 0, len(line)+len(version))
	edited = append(edited, line[:col]...)
	edited = append(edited, version...)
	edited = append(edited, line[col+len(old):]...)
	lines[value.Line-1] = edited
	return bytes.Join(lines, nil), nil
}

// manifestValue finds the value node of modules.<name> in a parsed
// versions.yaml, or nil.
func manifestValue(doc *yaml.Node, name string) *yaml.Node {
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil
	}
	modules := mapValue(doc.Content[0], "modules")
	if modules == nil {
		return nil
	}
	v := mapValue(modules, name)
	if v == nil || v.Kind != yaml.ScalarNode {
		return nil
	}
	return v
}

// mapValue returns the value of key in the mapping node m, or nil.
func mapValue(m *yaml.Node, key string) *yaml.Node {
	if m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// setRequire sets the require line of modPath in a go.mod to version (a
// "vX.Y.Z"), keeping its comments (an "// indirect" stays), and reports
// whether the file requires modPath at all. file names the go.mod in errors.
func setRequire(file string, data []byte, modPath, version string) ([]byte, bool, error) {
	f, err := modfile.Parse(file, data, nil)
	if err != nil {
		return nil, false, fmt.Errorf("parse go.mod: %w", err)
	}
	found := false
	for _, r := range f.Require {
		found = found || r.Mod.Path == modPath
	}
	if !found {
		return data, false, nil
	}
	if err := f.AddRequire(modPath, version); err != nil {
		return nil, false, fmt.Errorf("%s: require %s %s: %w", file, modPath, version, err)
	}
	out, err := f.Format()
	if err != nil {
		return nil, false, fmt.Errorf("%s: format: %w", file, err)
	}
	return out, true, nil
}

// ErrTemplate reports a SAM template whose CodeUri a release of the
// function cannot move: it does not name the current version's package
// exactly once.
var ErrTemplate = errors.New("the template's CodeUri")

// setCodeURI rewrites the one "CodeUri: oldURI" line of a SAM template to
// newURI, keeping its indentation. A template with no such line, or more
// than one, is an error: the release cannot tell which function deploys the
// package.
func setCodeURI(data []byte, oldURI, newURI string) ([]byte, error) {
	lines := strings.Split(string(data), "\n")
	at := -1
	for i, line := range lines {
		key, value, ok := strings.Cut(strings.TrimSpace(line), ":")
		if !ok || key != "CodeUri" || strings.TrimSpace(value) != oldURI {
			continue
		}
		if at >= 0 {
			return nil, fmt.Errorf("%w: %s: CodeUri %s stands on lines %d and %d; want it once", ErrTemplate, TemplateFile, oldURI, at+1, i+1)
		}
		at = i
	}
	if at < 0 {
		return nil, fmt.Errorf("%w: %s has no line \"CodeUri: %s\", the package of the function's current version; set it, then release", ErrTemplate, TemplateFile, oldURI)
	}
	indent := lines[at][:len(lines[at])-len(strings.TrimLeft(lines[at], " \t"))]
	lines[at] = indent + "CodeUri: " + newURI
	return []byte(strings.Join(lines, "\n")), nil
}
