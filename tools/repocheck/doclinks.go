package repocheck

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

var (
	// inlineLink is a Markdown link or image target: [text](target "title").
	inlineLink = regexp.MustCompile(`\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)`)
	// referenceLink is a link reference definition: [label]: target.
	referenceLink = regexp.MustCompile(`^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)`)
	// scheme marks an absolute URL (https:, mailto:).
	scheme = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)
)

// CheckDocLinks reports every relative link of a Markdown file under root
// (hidden folders and dist skipped) whose target lies outside the
// repository, such as ../shared/DESIGN.md: a user's clone has nothing
// there, so what the reader needs must be in the repository. Links inside
// fenced code blocks are text, not links, and are not checked. The error is
// for trees it cannot read at all.
func CheckDocLinks(root string) ([]Finding, error) {
	var out []Finding
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "dist") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(d.Name(), ".md") {
			return nil
		}
		found, err := checkFileLinks(root, p)
		out = append(out, found...)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("check doc links: %w", err)
	}
	return out, nil
}

// checkFileLinks reports the links of one Markdown file that leave root.
func checkFileLinks(root, file string) ([]Finding, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	relFile := rel(root, file)
	var out []Finding
	fenced := false
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fenced = !fenced
			continue
		}
		if fenced {
			continue
		}
		var targets []string
		for _, m := range inlineLink.FindAllStringSubmatch(line, -1) {
			targets = append(targets, m[1])
		}
		if m := referenceLink.FindStringSubmatch(line); m != nil {
			targets = append(targets, m[1])
		}
		for _, target := range targets {
			if leavesRepo(relFile, target) {
				out = append(out, Finding{File: relFile, Message: fmt.Sprintf(
					"line %d links to %s, outside the repository: a clone has nothing there; put what the reader needs in the repository (docs/ARCHITECTURE.md for the design)", n, target)})
			}
		}
	}
	return out, sc.Err()
}

// leavesRepo reports whether the relative link target, written in the
// file at relFile (slash path from the root), resolves outside the root.
func leavesRepo(relFile, target string) bool {
	if scheme.MatchString(target) || strings.HasPrefix(target, "#") || strings.HasPrefix(target, "/") {
		return false
	}
	target, _, _ = strings.Cut(target, "#")
	resolved := path.Clean(path.Join(path.Dir(relFile), target))
	return resolved == ".." || strings.HasPrefix(resolved, "../")
}
