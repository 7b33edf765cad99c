package repocheck

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// checkCopies reports every copy of the project's Alexa fixtures
// (testdata/smarthome) that differs from the others. Test data does not
// cross module boundaries, so each module that tests with the fixtures
// holds a copy: the same file under the same name wherever it sits.
func checkCopies(root string) ([]string, error) {
	fixtures := map[string][]string{}
	err := walkRepo(root, func(p string) error {
		if filepath.Base(filepath.Dir(p)) == "smarthome" && filepath.Base(filepath.Dir(filepath.Dir(p))) == "testdata" {
			fixtures[filepath.Base(p)] = append(fixtures[filepath.Base(p)], p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var problems []string
	for _, paths := range fixtures {
		want, err := os.ReadFile(paths[0])
		if err != nil {
			return nil, err
		}
		for _, p := range paths[1:] {
			if got, err := os.ReadFile(p); err != nil || !bytes.Equal(got, want) {
				problems = append(problems, fmt.Sprintf("%s differs from %s", rel(root, p), rel(root, paths[0])))
			}
		}
	}
	sort.Strings(problems)
	return problems, nil
}

// amazonDataMarks are what Go code that finds or reads Amazon's Alexa data
// names: the variable that points at it and its two folders.
var amazonDataMarks = []string{"LEE_ALEXA_DATA", "sample_messages", "validation_schemas"}

// checkAmazonReaders reports every Go file outside tools that names
// Amazon's Alexa data. Amazon's conformance suite lives in tools (the
// conformance package, and the Amazon layer of the other tools packages),
// which has the one lookup of the data (internal/alexa.FindData); a module
// that read the data itself would need a second copy of that lookup.
func checkAmazonReaders(root string) ([]string, error) {
	var problems []string
	err := walkRepo(root, func(p string) error {
		r := rel(root, p)
		if !strings.HasSuffix(p, ".go") || strings.HasPrefix(r, "tools/") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, mark := range amazonDataMarks {
			if bytes.Contains(b, []byte(mark)) {
				problems = append(problems, fmt.Sprintf("%s names %s: tests that need Amazon's Alexa data belong in tools/conformance", r, mark))
				break
			}
		}
		return nil
	})
	sort.Strings(problems)
	return problems, err
}

// walkRepo calls f with the path of every file under root, hidden folders
// skipped.
func walkRepo(root string, f func(path string) error) error {
	return filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && p != root && d.Name()[0] == '.':
			return filepath.SkipDir
		case d.IsDir():
			return nil
		}
		return f(p)
	})
}

func TestCheckCopies(t *testing.T) {
	tr := tree{
		"function/testdata/smarthome/a.json":         "{}\n",
		"tools/internal/x/testdata/smarthome/a.json": "{}\n",
		"tools/internal/x/testdata/smarthome/b.json": "[]\n",
		".git/testdata/smarthome/a.json":             "hidden\n",
	}
	if got, err := checkCopies(tr.write(t)); err != nil || len(got) != 0 {
		t.Fatalf("identical copies: %v, %v", got, err)
	}
	tr["function/testdata/smarthome/a.json"] = "{ }\n"
	got, err := checkCopies(tr.write(t))
	if err != nil || len(got) != 1 || !strings.Contains(got[0], "function/testdata/smarthome/a.json") {
		t.Fatalf("one copy drifted: %v, %v", got, err)
	}
}

func TestCheckAmazonReaders(t *testing.T) {
	tr := tree{
		"tools/internal/alexa/data.go": "package alexa\n\nconst DataEnv = \"LEE_ALEXA_DATA\"\n",
		"tools/conformance/x_test.go":  "package conformance\n\n// reads sample_messages\n",
		"function/relay_test.go":       "package main\n\n// the project's fixtures\n",
		"function/README.md":           "Set LEE_ALEXA_DATA to run tools/conformance.\n",
	}
	if got, err := checkAmazonReaders(tr.write(t)); err != nil || len(got) != 0 {
		t.Fatalf("only tools reads the data: %v, %v", got, err)
	}
	tr["lambdaiface/amazondata_test.go"] = "package lambdaiface\n\nconst env = \"LEE_ALEXA_DATA\"\n"
	tr["security/testdata_test.go"] = "package security\n\nvar dir = filepath.Join(d, \"sample_messages\")\n"
	got, err := checkAmazonReaders(tr.write(t))
	if err != nil || len(got) != 2 {
		t.Fatalf("two modules read the data: %v, %v", got, err)
	}
}

// TestRepositoryCopies holds the repository's fixture copies to being the
// same, and Amazon's data to being read by tools alone.
func TestRepositoryCopies(t *testing.T) {
	root, err := FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, check := range []func(string) ([]string, error){checkCopies, checkAmazonReaders} {
		got, err := check(root)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range got {
			t.Error(p)
		}
	}
	copies, _ := filepath.Glob(filepath.Join(root, "*", "testdata", "smarthome", "*.json"))
	if len(copies) < 2 {
		t.Errorf("found %d fixture files in the modules' testdata/smarthome; the fixtures moved?", len(copies))
	}
}
