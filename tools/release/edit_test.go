package release

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/mod/modfile"

	"github.com/lee-engine/lee/tools/internal/gosrc"
)

func TestSetVersionConst(t *testing.T) {
	src := "package cache\n\n// Version is the module version; \"0.1.0\" in a comment stays.\nconst Version = \"0.1.0\"\n\nconst Other = \"0.1.0\"\n"
	path := filepath.Join(t.TempDir(), "version.go")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	c, ok, err := gosrc.PackageConst(filepath.Dir(path), "Version")
	if err != nil || !ok {
		t.Fatalf("PackageConst: %v %v", ok, err)
	}
	got, err := setVersionConst([]byte(src), c, "0.2.0")
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(src, "const Version = \"0.1.0\"", "const Version = \"0.2.0\"", 1)
	if string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if _, err := setVersionConst([]byte("short"), gosrc.Const{Start: 3, End: 40}, "1.0.0"); err == nil {
		t.Error("offsets past the end of the file gave no error")
	}
}

func TestReleaseChangelog(t *testing.T) {
	const dated = "## 0.2.0 — 2026-12-24"
	tests := []struct {
		name, in, want string
		err            error
	}{
		{"first heading", "# C\n\n## Unreleased\n\n- x\n\n## 0.1.0 — d\n", "# C\n\n" + dated + "\n\n- x\n\n## 0.1.0 — d\n", nil},
		{"bracketed, any case", "## [unreleased]\n- x\n", dated + "\n- x\n", nil},
		{"at the end", "# C\n\n## Unreleased\n\n- last\n", "# C\n\n" + dated + "\n\n- last\n", nil},
		{"no section", "# C\n\n## 0.1.0\n\n- x\n", "", ErrNoUnreleased},
		{"third-level heading is not one", "### Unreleased\n\n- x\n", "", ErrNoUnreleased},
		{"empty section", "# C\n\n## Unreleased\n\n\n## 0.1.0\n", "", ErrNoUnreleased},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := releaseChangelog([]byte(tc.in), "0.2.0", "2026-12-24")
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("err = %v, want %v", err, tc.err)
				}
				return
			}
			if err != nil || string(got) != tc.want {
				t.Errorf("got %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

func TestNoteUnreleased(t *testing.T) {
	const note = "Requires `x v1.0.0`."
	tests := []struct{ name, in, want string }{
		{"appends to the section", "# C\n\n## Unreleased\n\n- a\n\n## 0.1.0\n", "# C\n\n## Unreleased\n\n- a\n- " + note + "\n\n## 0.1.0\n"},
		{"empty section", "# C\n\n## Unreleased\n\n## 0.1.0\n", "# C\n\n## Unreleased\n\n- " + note + "\n\n## 0.1.0\n"},
		{"heading straight before the next", "## Unreleased\n## 0.1.0\n", "## Unreleased\n\n- " + note + "\n\n## 0.1.0\n"},
		{"section at the end", "# C\n\n## Unreleased\n\n- a\n", "# C\n\n## Unreleased\n\n- a\n- " + note + "\n"},
		{"no section: created above the newest entry", "# C\n\n## 0.1.0 — d\n\n- x\n", "# C\n\n## Unreleased\n\n- " + note + "\n\n## 0.1.0 — d\n\n- x\n"},
		{"no entry at all", "# C\n\ntext\n", "# C\n\ntext\n\n## Unreleased\n\n- " + note + "\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(noteUnreleased([]byte(tc.in), note)); got != tc.want {
				t.Errorf("got:\n%q\nwant:\n%q", got, tc.want)
			}
		})
	}
}

func TestSetManifestVersion(t *testing.T) {
	in := "# Versions.\nmodules:\n  cache: 0.1.0 # the cache\n  gateway: \"0.1.0\"\n  metrics: '0.1.0'\n  cachex: 0.1.0\n"
	tests := []struct{ module, want string }{
		{"cache", strings.Replace(in, "cache: 0.1.0 #", "cache: 0.1.1 #", 1)},
		{"gateway", strings.Replace(in, "gateway: \"0.1.0\"", "gateway: \"0.1.1\"", 1)},
		{"metrics", strings.Replace(in, "metrics: '0.1.0'", "metrics: '0.1.1'", 1)},
		{"cachex", strings.Replace(in, "cachex: 0.1.0", "cachex: 0.1.1", 1)},
	}
	for _, tc := range tests {
		t.Run(tc.module, func(t *testing.T) {
			got, err := setManifestVersion([]byte(in), tc.module, "0.1.1")
			if err != nil || string(got) != tc.want {
				t.Errorf("got %q, %v; want %q", got, err, tc.want)
			}
		})
	}
	flow, err := setManifestVersion([]byte("modules: {cache: 0.1.0, gateway: 0.1.0}\n"), "gateway", "0.2.0")
	if err != nil || string(flow) != "modules: {cache: 0.1.0, gateway: 0.2.0}\n" {
		t.Errorf("flow style: got %q, %v", flow, err)
	}
	for name, bad := range map[string]string{
		"module not listed": in,
		"no modules key":    "other:\n  ghost: 0.1.0\n",
		"not YAML":          "modules: [\n",
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := setManifestVersion([]byte(bad), "ghost", "0.1.1"); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestSetRequire(t *testing.T) {
	const cache = "github.com/lee-engine/lee/cache"
	in := "module github.com/lee-engine/lee/function\n\ngo 1.26\n\nrequire github.com/lee-engine/lee/gateway v0.1.0\n\n" +
		"require (\n\tgithub.com/lee-engine/lee/cache v0.1.0 // indirect\n\tgolang.org/x/text v0.14.0 // indirect\n)\n\nreplace " + cache + " => ../cache\n"
	got, changed, err := setRequire("function/go.mod", []byte(in), cache, "v0.2.0")
	if err != nil || !changed {
		t.Fatalf("setRequire = %v, %v", changed, err)
	}
	if want := strings.Replace(in, "cache v0.1.0 // indirect", "cache v0.2.0 // indirect", 1); string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	f, err := modfile.Parse("go.mod", got, nil)
	if err != nil || len(f.Replace) != 1 {
		t.Fatalf("the result does not parse or lost its replace: %v", err)
	}
	same, changed, err := setRequire("function/go.mod", []byte(in), "github.com/lee-engine/lee/metrics", "v0.2.0")
	if err != nil || changed || string(same) != in {
		t.Errorf("a module the go.mod does not require: changed=%v err=%v", changed, err)
	}
	if _, _, err := setRequire("function/go.mod", []byte("module x\nrequire (\n"), cache, "v0.2.0"); err == nil || !strings.Contains(err.Error(), "function/go.mod") {
		t.Errorf("an unparsable go.mod: err = %v, want one naming the file", err)
	}
}

func TestSetCodeURI(t *testing.T) {
	const from, to = "../dist/lee-0.1.0.zip", "../dist/lee-0.2.0.zip"
	tests := []struct {
		name, in, want string
		err            bool
	}{
		{name: "moved, indentation kept",
			in:   "Resources:\n  Function:\n    Properties:\n      CodeUri: ../dist/lee-0.1.0.zip\n      Handler: bootstrap\n",
			want: "Resources:\n  Function:\n    Properties:\n      CodeUri: ../dist/lee-0.2.0.zip\n      Handler: bootstrap\n"},
		{name: "spaces around the value", in: "    CodeUri:   ../dist/lee-0.1.0.zip  \n", want: "    CodeUri: ../dist/lee-0.2.0.zip\n"},
		{name: "another version's package", in: "    CodeUri: ../dist/lee-0.0.9.zip\n", err: true},
		{name: "no CodeUri", in: "    Handler: bootstrap\n", err: true},
		{name: "the value under another key", in: "    Description: ../dist/lee-0.1.0.zip\n", err: true},
		{name: "twice", in: "  A:\n    CodeUri: ../dist/lee-0.1.0.zip\n  B:\n    CodeUri: ../dist/lee-0.1.0.zip\n", err: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := setCodeURI([]byte(tc.in), from, to)
			if tc.err {
				if !errors.Is(err, ErrTemplate) || !strings.Contains(err.Error(), TemplateFile) {
					t.Fatalf("err = %v, want ErrTemplate naming %s", err, TemplateFile)
				}
				return
			}
			if err != nil || string(got) != tc.want {
				t.Fatalf("got %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}
