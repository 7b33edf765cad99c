package harness

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"github.com/lee-engine/lee/tools/internal/alexa"
)

// Sample is one of Amazon's sample Smart Home requests.
type Sample struct {
	// Name is the file name without ".request.json", e.g.
	// "PowerController.TurnOn"; it is what `lee invoke --sample` takes.
	Name string
	// Path is the file's path.
	Path string
}

const requestSuffix = ".request.json"

// SampleDir finds Amazon's sample messages as the tests do (alexa.FindData
// from dir): in the checkout LEE_ALEXA_DATA names, else in ../shared/alexa
// beside the repository root above dir. Without either the error says how
// to supply them.
func SampleDir(dir string) (string, error) {
	d, err := alexa.FindData(dir)
	if err != nil {
		return "", fmt.Errorf("harness: sample dir: %w; %s", err, alexa.DataHint)
	}
	return d.SamplesDir(), nil
}

// Samples lists the request samples (*.request.json in dir's subfolders),
// sorted by name.
func Samples(dir string) ([]Sample, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*", "*"+requestSuffix))
	if err != nil {
		return nil, fmt.Errorf("harness: samples: %w", err)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("harness: samples: no *%s under %s", requestSuffix, dir)
	}
	out := make([]Sample, 0, len(paths))
	for _, p := range paths {
		out = append(out, Sample{Name: strings.TrimSuffix(filepath.Base(p), requestSuffix), Path: p})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// FindSample returns the path of the sample called name: name.request.json in
// one of dir's subfolders, else name.json (so messages such as ReportState,
// which lack the suffix, can be used too).
func FindSample(dir, name string) (string, error) {
	if !validSampleName(name) {
		return "", fmt.Errorf("harness: sample %q: not a sample name (letters, digits, '.', '_', '-')", name)
	}
	for _, file := range []string{name + requestSuffix, name + ".json"} {
		paths, err := filepath.Glob(filepath.Join(dir, "*", file))
		if err != nil {
			return "", fmt.Errorf("harness: sample %q: %w", name, err)
		}
		if len(paths) > 0 {
			return paths[0], nil
		}
	}
	return "", fmt.Errorf("harness: sample %q: %w under %s", name, fs.ErrNotExist, dir)
}

// validSampleName keeps names to the characters sample files use, so a name
// can neither leave dir nor act as a glob pattern.
func validSampleName(name string) bool {
	if name == "" || strings.HasPrefix(name, ".") {
		return false
	}
	for _, c := range name {
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-'
		if !ok {
			return false
		}
	}
	return true
}
