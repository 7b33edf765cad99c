package repocheck

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// Some test files cannot be shared across modules and are copied instead:
// the lookup of Amazon's Alexa data (amazondata_test.go, the same in each
// module apart from its package clause) and the project's Alexa fixtures
// (testdata/smarthome, the same file under the same name wherever it sits).
// checkCopies reports every copy that differs from the others.
func checkCopies(root string) ([]string, error) {
	var problems []string
	lookups, err := filepath.Glob(filepath.Join(root, "*", "amazondata_test.go"))
	if err != nil {
		return nil, err
	}
	var first []byte
	for i, p := range lookups {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		if _, body, ok := bytes.Cut(b, []byte("\n")); ok {
			b = body // the package clause is the module's own
		}
		if i == 0 {
			first = b
		} else if !bytes.Equal(b, first) {
			problems = append(problems, fmt.Sprintf("%s differs from %s below its package clause", rel(root, p), rel(root, lookups[0])))
		}
	}
	fixtures := map[string][]string{}
	err = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() && p != root && d.Name()[0] == '.' {
			return filepath.SkipDir
		}
		if err == nil && !d.IsDir() && filepath.Base(filepath.Dir(p)) == "smarthome" && filepath.Base(filepath.Dir(filepath.Dir(p))) == "testdata" {
			fixtures[d.Name()] = append(fixtures[d.Name()], p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
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

func TestCheckCopies(t *testing.T) {
	lookup := "\n// the lookup\nfunc findAmazonData() {}\n"
	tr := tree{
		"function/amazondata_test.go":                "package main" + lookup,
		"gateway/amazondata_test.go":                 "package gateway" + lookup,
		"function/testdata/smarthome/a.json":         "{}\n",
		"tools/internal/x/testdata/smarthome/a.json": "{}\n",
		"tools/internal/x/testdata/smarthome/b.json": "[]\n",
	}
	if got, err := checkCopies(tr.write(t)); err != nil || len(got) != 0 {
		t.Fatalf("identical copies: %v, %v", got, err)
	}
	tr["gateway/amazondata_test.go"] = "package gateway" + lookup + "// drift\n"
	tr["function/testdata/smarthome/a.json"] = "{ }\n"
	got, err := checkCopies(tr.write(t))
	if err != nil || len(got) != 2 {
		t.Fatalf("two copies drifted: %v, %v", got, err)
	}
}

// TestRepositoryCopies holds the repository's copies to being the same.
func TestRepositoryCopies(t *testing.T) {
	root, err := FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	got, err := checkCopies(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range got {
		t.Error(p)
	}
	if lookups, _ := filepath.Glob(filepath.Join(root, "*", "amazondata_test.go")); len(lookups) < 2 {
		t.Errorf("found %d copies of amazondata_test.go; the lookup moved?", len(lookups))
	}
}
