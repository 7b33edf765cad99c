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

// nv is a constant's name and value, what TestStringConsts compares.
type nv struct{ Name, Value string }

func namesAndValues(cs []gosrc.Const) []nv {
	var out []nv
	for _, c := range cs {
		out = append(out, nv{c.Name, c.Value})
	}
	return out
}

func TestStringConsts(t *testing.T) {
	tests := []struct {
		name string
		src  string
		keep func(string) bool
		want []nv
	}{
		{"single", "package p\n\nconst Version = \"0.1.0\"\n", all,
			[]nv{{"Version", "0.1.0"}}},
		{"block in source order", "package p\n\nconst (\n\tB = `raw`\n\tA = \"x\\ty\"\n)\n", all,
			[]nv{{"B", "raw"}, {"A", "x\ty"}}},
		{"several names in one spec", "package p\n\nconst X, Y = \"x\", \"y\"\n", all,
			[]nv{{"X", "x"}, {"Y", "y"}}},
		{"one name", "package p\n\nconst (\n\tName = \"lee\"\n\tVersion = \"1.2.3\"\n)\n", gosrc.Named("Version"),
			[]nv{{"Version", "1.2.3"}}},
		{"filtered by name", "package p\n\nconst (\n\tVarA = \"A\"\n\tOther = \"O\"\n)\n",
			func(n string) bool { return strings.HasPrefix(n, "Var") },
			[]nv{{"VarA", "A"}}},
		{"var, number, expression and local const passed over",
			"package p\n\nvar V = \"v\"\n\nconst N = 3\n\nconst E = \"a\" + \"b\"\n\nconst T string = \"typed\"\n\nfunc f() {\n\tconst L = \"local\"\n}\n",
			all, []nv{{"T", "typed"}}},
		{"iota block without values", "package p\n\nconst (\n\tA = iota\n\tB\n)\n", all, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), "f.go", tc.src)
			got, err := gosrc.StringConsts(path, tc.keep)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(namesAndValues(got), tc.want) {
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

func TestStringConstsOffsetsCoverTheLiteral(t *testing.T) {
	src := "package p\n\n// Version is the module version.\nconst Version = \"0.1.0\" // released\n"
	path := writeFile(t, t.TempDir(), "version.go", src)
	got, err := gosrc.StringConsts(path, gosrc.Named("Version"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("StringConsts = %v, want one constant", got)
	}
	c := got[0]
	if c.File != path || src[c.Start:c.End] != `"0.1.0"` {
		t.Errorf("Const %+v: file %q, literal %q; want %s and the quoted value", c, c.File, src[c.Start:c.End], path)
	}
}

func TestPackageConst(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.go", "package p\n\nconst Name = \"lee\"\n")
	writeFile(t, dir, "b.go", "package p\n\nconst Version = \"1.2.3\"\n")
	writeFile(t, dir, "c_test.go", "package p\n\nconst Version = \"9.9.9\"\n")
	c, ok, err := gosrc.PackageConst(dir, "Version")
	if err != nil || !ok || c.Value != "1.2.3" || c.File != filepath.Join(dir, "b.go") {
		t.Errorf("PackageConst = %+v, %v, %v; want 1.2.3 from b.go", c, ok, err)
	}
	if _, ok, err := gosrc.PackageConst(dir, "Missing"); ok || err != nil {
		t.Errorf("PackageConst(Missing) = %v, %v; want false, nil", ok, err)
	}
	writeFile(t, dir, "d.go", "not Go")
	if _, _, err := gosrc.PackageConst(dir, "Other"); err == nil {
		t.Error("a file that is not Go gave no error")
	}
}
