package repocheck

import (
	"context"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestParseDeadcode(t *testing.T) {
	out := []byte(`[
	{"Name": "cache", "Path": "github.com/lee-engine/lee/cache", "Funcs": [
		{"Name": "Forgotten", "Position": {"File": "cache/cache.go", "Line": 7, "Col": 6}, "Generated": false},
		{"Name": "(*Store).Drop", "Position": {"File": "cache/store.go", "Line": 12, "Col": 17}, "Generated": false},
		{"Name": "Map[K comparable]", "Position": {"File": "cache/generic.go", "Line": 3, "Col": 6}, "Generated": false},
		{"Name": "String", "Position": {"File": "cache/kind_string.go", "Line": 9, "Col": 6}, "Generated": true}
	]}]`)
	got, err := parseDeadcode(out)
	if err != nil {
		t.Fatal(err)
	}
	const pkg = "github.com/lee-engine/lee/cache"
	want := []DeadFunc{
		{Package: pkg, Name: "Forgotten", File: "cache/cache.go", Line: 7},
		{Package: pkg, Name: "Store.Drop", File: "cache/store.go", Line: 12},
		{Package: pkg, Name: "Map", File: "cache/generic.go", Line: 3},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("parseDeadcode = %+v, want %+v", got, want)
	}
	if _, err := parseDeadcode([]byte("deadcode: no packages")); err == nil || !strings.Contains(err.Error(), "unreadable") {
		t.Fatalf("parseDeadcode of text = %v, want an unreadable-answer error", err)
	}
}

func TestJudgeDeadFuncs(t *testing.T) {
	root := tree{
		"cache/README.md": "# cache\n\n`Documented` is API; so is `Store`'s `Drop` method.\nNamed in prose: Halfway.\n",
	}.write(t)
	dead := func(name string) DeadFunc { return DeadFunc{Name: name, File: "cache/cache.go", Line: 1} }
	tests := []struct {
		name  string
		dead  DeadFunc
		wants []string // empty: no finding
	}{
		{"documented function", dead("Documented"), nil},
		{"documented method", dead("Store.Drop"), nil},
		{"undocumented function", dead("Forgotten"), []string{"Forgotten", "cache/README.md names it nowhere"}},
		{"word inside another word", dead("Docu"), []string{"Docu", "names it nowhere"}},
		{"method whose type is not named", dead("Other.Drop"), []string{"Other.Drop", "names it nowhere"}},
		{"unexported function", dead("helper"), []string{"helper", "unexported: delete it"}},
		{"exported method of an unexported type", dead("store.Drop"), []string{"store.Drop", "unexported"}},
		{"module without a README", DeadFunc{Name: "Halfway", File: "logging/x.go", Line: 4}, []string{"logging/x.go:4", "logging/README.md names it nowhere"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := judgeDeadFuncs(root, []DeadFunc{tt.dead})
			if err != nil {
				t.Fatal(err)
			}
			if len(tt.wants) == 0 {
				if len(got) != 0 {
					t.Fatalf("want no finding, got:\n%s", findingLines(got))
				}
				return
			}
			expectOneFinding(t, got, tt.dead.File+":"+itoa(tt.dead.Line), tt.wants...)
		})
	}
}

// itoa keeps the test free of strconv for one small number.
func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// TestCheckDeadcodeOnATree runs the real deadcode on a small workspace: a
// main in function calls one function of cache; of the others, only the
// undocumented export and the unexported helper are findings. The tool comes
// from the module cache only, never the network (`make test` runs `lee check
// deadcode` first, which downloads it); without it the test skips, except in
// CI.
func TestCheckDeadcodeOnATree(t *testing.T) {
	root := tree{
		"go.work":          "go 1.26\n\nuse (\n\t./cache\n\t./function\n)\n",
		"cache/go.mod":     "module github.com/lee-engine/lee/cache\n\ngo 1.26\n",
		"cache/README.md":  "# cache\n\n`Documented` stays for other programs.\n",
		"cache/cache.go":   "package cache\n\nfunc Used() int { return helperUsed() }\n\nfunc helperUsed() int { return 1 }\n\nfunc Documented() int { return 2 }\n\nfunc Forgotten() int { return helper() }\n\nfunc helper() int { return 3 }\n",
		"function/go.mod":  "module github.com/lee-engine/lee/function\n\ngo 1.26\n\nrequire github.com/lee-engine/lee/cache v0.1.0\n\nreplace github.com/lee-engine/lee/cache => ../cache\n",
		"function/main.go": "package main\n\nimport \"github.com/lee-engine/lee/cache\"\n\nfunc main() { println(cache.Used()) }\n",
	}.write(t)
	t.Setenv("GOPROXY", "off") // the tool from the module cache, or a skip
	got, err := CheckDeadcode(context.Background(), root)
	if err != nil && os.Getenv("CI") != "true" && strings.Contains(err.Error(), "GOPROXY=off") {
		t.Skipf("skipping: %s is not in the module cache (make check downloads it): %v", DeadcodeTool, err)
	}
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range got {
		names = append(names, f.File)
	}
	want := []string{"cache/cache.go:9", "cache/cache.go:11"}
	if !reflect.DeepEqual(names, want) {
		t.Fatalf("findings at %v, want %v:\n%s", names, want, findingLines(got))
	}
	if !strings.Contains(got[0].Message, "Forgotten") || !strings.Contains(got[1].Message, "helper is unreachable") {
		t.Fatalf("findings do not name Forgotten and helper:\n%s", findingLines(got))
	}
}
