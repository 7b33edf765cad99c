package skill_test

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/lee-engine/lee/tools/skill"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

const (
	haURL = "https://ha.example.com"
	usARN = "arn:aws:lambda:us-east-1:123456789012:function:lee:live"
	euARN = "arn:aws:lambda:eu-west-1:123456789012:function:lee:live"
	feARN = "arn:aws:lambda:us-west-2:123456789012:function:lee:live"
)

// goldenSetups are the set-ups whose files are kept under
// testdata/golden/<name>: the three the issue names, and the first run
// that creates a skill before its stack exists.
var goldenSetups = []struct {
	name string
	s    skill.Settings
}{
	{"us", skill.Settings{HAURL: haURL, FunctionARN: usARN}},
	{"eu", skill.Settings{HAURL: haURL, FunctionARN: euARN, Locales: []string{"de-DE", "en-GB"}}},
	{"all", skill.Settings{HAURL: haURL, FunctionARN: usARN, RegionARNs: map[string]string{"EU": euARN, "FE": feARN},
		Locales: []string{"en-US", "de-DE", "ja-JP"}, Events: true}},
	{"create", skill.Settings{HAURL: haURL, Locales: []string{"en-GB"}}},
}

func goldenDir(name string) string { return filepath.Join("testdata", "golden", name) }

// TestGolden writes each set-up and compares the folder, file by file and
// byte for byte, with its golden copy (go test -update rewrites them).
func TestGolden(t *testing.T) {
	for _, g := range goldenSetups {
		t.Run(g.name, func(t *testing.T) {
			k, err := skill.New(g.s)
			if err != nil {
				t.Fatal(err)
			}
			if *update {
				if err := os.RemoveAll(goldenDir(g.name)); err != nil {
					t.Fatal(err)
				}
				if _, err := k.Write(goldenDir(g.name)); err != nil {
					t.Fatal(err)
				}
			}
			got := t.TempDir()
			if _, err := k.Write(got); err != nil {
				t.Fatal(err)
			}
			compareTrees(t, goldenDir(g.name), got)
		})
	}
}

func compareTrees(t *testing.T, want, got string) {
	t.Helper()
	wantFiles, gotFiles := readTree(t, want), readTree(t, got)
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range wantFiles {
			if !yield(n) {
				return
			}
		}
	})
	for _, n := range names {
		g, ok := gotFiles[n]
		if !ok {
			t.Errorf("%s is not written any more", n)
			continue
		}
		if !bytes.Equal(g, wantFiles[n]) {
			t.Errorf("%s differs from %s (go test -update rewrites the golden files):\n%s", n, want, g)
		}
	}
	for n := range gotFiles {
		if _, ok := wantFiles[n]; !ok {
			t.Errorf("%s is written but has no golden copy in %s", n, want)
		}
	}
}

func readTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
