package gosrc_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/internal/gosrc"
)

func writeFile(t *testing.T, dir, name, src string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func all(string) bool { return true }

func TestStringConsts(t *testing.T) {
	tests := []struct {
		name string
		src  string
		keep func(string) bool
		want []gosrc.Const
	}{
		{"single", "package p\n\nconst Version = \"0.1.0\"\n", all,
			[]gosrc.Const{{"Version", "0.1.0"}}},
		{"block in source order", "package p\n\nconst (\n\tB = `raw`\n\tA = \"x\\ty\"\n)\n", all,
			[]gosrc.Const{{"B", "raw"}, {"A", "x\ty"}}},
		{"several names in one spec", "package p\n\nconst X, Y = \"x\", \"y\"\n", all,
			[]gosrc.Const{{"X", "x"}, {"Y", "y"}}},
		{"one name", "package p\n\nconst (\n\tName = \"lee\"\n\tVersion = \"1.2.3\"\n)\n", gosrc.Named("Version"),
			[]gosrc.Const{{"Version", "1.2.3"}}},
		{"filtered by name", "package p\n\nconst (\n\tVarA = \"A\"\n\tOther = \"O\"\n)\n",
			func(n string) bool { return strings.HasPrefix(n, "Var") },
			[]gosrc.Const{{"VarA", "A"}}},
		{"var, number, expression and local const passed over",
			"package p\n\nvar V = \"v\"\n\nconst N = 3\n\nconst E = \"a\" + \"b\"\n\nconst T string = \"typed\"\n\nfunc f() {\n\tconst L = \"local\"\n}\n",
			all, []gosrc.Const{{"T", "typed"}}},
		{"iota block without values", "package p\n\nconst (\n\tA = iota\n\tB\n)\n", all, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), "f.go", tc.src)
			got, err := gosrc.StringConsts(path, tc.keep)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("StringConsts = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestStringConstsRefusesWhatIsNotGo(t *testing.T) {
	path := writeFile(t, t.TempDir(), "f.go", "this is not Go")
	if _, err := gosrc.StringConsts(path, all); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("err = %v, want a parse error naming %s", err, path)
	}
	if _, err := gosrc.StringConsts(filepath.Join(t.TempDir(), "missing.go"), all); err == nil {
		t.Error("a missing file gave no error")
	}
}

func TestPackageFiles(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"b.go", "a.go", "a_test.go", "notes.md"} {
		writeFile(t, dir, n, "package p\n")
	}
	if err := os.Mkdir(filepath.Join(dir, "sub.go"), 0o755); err != nil {
		t.Fatal(err)
	}
	got, err := gosrc.PackageFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "a.go"), filepath.Join(dir, "b.go")}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("PackageFiles = %v, want %v", got, want)
	}
	if _, err := gosrc.PackageFiles(filepath.Join(dir, "missing")); err == nil {
		t.Error("a missing folder gave no error")
	}
}
