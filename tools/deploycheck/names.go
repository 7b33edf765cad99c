package deploycheck

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/lee-engine/lee/tools/internal/gosrc"
)

// ConfigVariables returns the environment variable names the config module
// in dir declares: the string values of its constants named Var*, read from
// its non-test Go files. Reading the source, rather than importing the
// module, keeps the check honest about what the function's build contains.
func ConfigVariables(dir string) (map[string]bool, error) {
	paths, err := gosrc.PackageFiles(dir)
	if err != nil {
		return nil, fmt.Errorf("config variables: %w", err)
	}
	isVar := func(name string) bool { return strings.HasPrefix(name, "Var") }
	vars := map[string]bool{}
	for _, path := range paths {
		consts, err := gosrc.StringConsts(path, isVar)
		if err != nil {
			return nil, fmt.Errorf("config variables: %w", err)
		}
		for _, c := range consts {
			vars[c.Value] = true
		}
	}
	if len(vars) == 0 {
		return nil, fmt.Errorf("config variables: no Var* constant in %s", dir)
	}
	return vars, nil
}

var (
	// envPattern matches LEE's own variable names: HA_* and LEE_*.
	envPattern = regexp.MustCompile(`\b(?:HA|LEE)_[A-Z0-9_]*[A-Z0-9]\b`)
	// codeSpan matches inline code in Markdown.
	codeSpan = regexp.MustCompile("`([^`\n]+)`")
	// metricShape is what a metric name looks like: an identifier that
	// starts upper case and has a lower-case letter (so HA_URL and
	// BRIDGE_UNREACHABLE are not taken for one).
	metricShape = regexp.MustCompile(`^[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$`)
)

// References are the names a document mentions.
type References struct {
	// EnvVars are the HA_* and LEE_* names anywhere in the text.
	EnvVars []string
	// Identifiers are the inline-code spans that look like a metric name
	// (`HALatency`, `FunctionName`); the caller decides which are metrics.
	Identifiers []string
}

// DocReferences lists, sorted and without repeats, the names a Markdown
// text mentions.
func DocReferences(text string) References {
	env := map[string]bool{}
	for _, m := range envPattern.FindAllString(text, -1) {
		env[m] = true
	}
	ids := map[string]bool{}
	for _, m := range codeSpan.FindAllStringSubmatch(text, -1) {
		if metricShape.MatchString(m[1]) {
			ids[m[1]] = true
		}
	}
	return References{EnvVars: sortedKeys(env), Identifiers: sortedKeys(ids)}
}

// LoadDocs reads every *.md file of dir, keyed by file name.
func LoadDocs(dir string) (map[string]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		return nil, fmt.Errorf("load docs: %w", err)
	}
	docs := map[string]string{}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("load docs: %w", err)
		}
		docs[filepath.Base(path)] = string(data)
	}
	return docs, nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
