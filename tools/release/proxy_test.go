package release

import (
	"archive/zip"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/module"
	modzip "golang.org/x/mod/zip"

	"github.com/lee-engine/lee/tools/internal/releasetest"
)

// taggedRepo is a Repo with every module tagged at 0.1.0, then cache
// released and tagged at 0.1.1, then an untagged change to cache on top.
func taggedRepo(t *testing.T) string {
	t.Helper()
	releasetest.Identity(t)
	root := releasetest.Repo(t)
	ctx := context.Background()
	if _, err := CreateTags(ctx, root); err != nil {
		t.Fatal(err)
	}
	if _, err := Release(ctx, Settings{Root: root, Module: "cache", Version: "0.1.1", Date: releaseDate, Write: true, Sync: noSync}); err != nil {
		t.Fatal(err)
	}
	if _, err := CreateTags(ctx, root); err != nil {
		t.Fatal(err)
	}
	releasetest.WriteFile(t, root, "cache/extra.go", "package cache\n\n// Untagged is not in any tag.\nconst Untagged = 1\n")
	releasetest.Commit(t, root, "cache: untagged change")
	for _, other := range []string{"v1.0.0", "random", "cache/notaversion", "cache/v0.1", "deploy/x/v1.0.0"} {
		releasetest.Git(t, root, "tag", other)
	}
	return root
}

func proxyFile(out, modPath, name string) string {
	return filepath.Join(out, filepath.FromSlash(modPath), "@v", name)
}

func TestWriteProxy(t *testing.T) {
	root := taggedRepo(t)
	out := filepath.Join(t.TempDir(), "proxy")
	written, err := WriteProxy(context.Background(), root, out)
	if err != nil {
		t.Fatal(err)
	}
	if len(written) != 7 || written[0] != (module.Version{Path: releasetest.Prefix + "cache", Version: "v0.1.0"}) ||
		written[1] != (module.Version{Path: releasetest.Prefix + "cache", Version: "v0.1.1"}) {
		t.Errorf("written = %v, want the 7 module tags sorted, cache first", written)
	}
	cache := releasetest.Prefix + "cache"
	if list, err := os.ReadFile(proxyFile(out, cache, "list")); err != nil || string(list) != "v0.1.0\nv0.1.1\n" {
		t.Errorf("cache list = %q, %v", list, err)
	}
	var info struct {
		Version string
		Time    time.Time
	}
	data, err := os.ReadFile(proxyFile(out, cache, "v0.1.0.info"))
	if err != nil || json.Unmarshal(data, &info) != nil {
		t.Fatalf("cache v0.1.0.info: %q, %v", data, err)
	}
	when, _ := time.Parse(time.RFC3339, strings.TrimSpace(releasetest.Git(t, root, "log", "-1", "--format=%cI", "cache/v0.1.0")))
	if info.Version != "v0.1.0" || !info.Time.Equal(when) {
		t.Errorf("info = %+v, want v0.1.0 at %s", info, when)
	}
	gomod, err := os.ReadFile(proxyFile(out, releasetest.Prefix+"gateway", "v0.1.0.mod"))
	if err != nil || string(gomod) != releasetest.Git(t, root, "show", "gateway/v0.1.0:gateway/go.mod") {
		t.Errorf("gateway v0.1.0.mod is not go.mod at the tag: %q, %v", gomod, err)
	}
	files := zipFiles(t, module.Version{Path: cache, Version: "v0.1.0"}, proxyFile(out, cache, "v0.1.0.zip"))
	prefix := cache + "@v0.1.0/"
	if !strings.Contains(files[prefix+"version.go"], `const Version = "0.1.0"`) {
		t.Errorf("cache v0.1.0 zip's version.go: %q", files[prefix+"version.go"])
	}
	if _, ok := files[prefix+"extra.go"]; ok {
		t.Error("the zip holds a file added after the tag")
	}
	if _, ok := files[prefix+"go.mod"]; !ok || len(files) != 5 {
		t.Errorf("cache v0.1.0 zip holds %d files, want the module's 5", len(files))
	}
	v011 := zipFiles(t, module.Version{Path: cache, Version: "v0.1.1"}, proxyFile(out, cache, "v0.1.1.zip"))
	if !strings.Contains(v011[cache+"@v0.1.1/version.go"], `const Version = "0.1.1"`) {
		t.Errorf("cache v0.1.1 zip's version.go: %q", v011[cache+"@v0.1.1/version.go"])
	}
}

// zipFiles checks a module zip as the go command would and returns its
// files by name.
func zipFiles(t *testing.T, mv module.Version, path string) map[string]string {
	t.Helper()
	if _, err := modzip.CheckZip(mv, path); err != nil {
		t.Fatalf("CheckZip %s: %v", path, err)
	}
	r, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	out := map[string]string{}
	for _, f := range r.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = string(data)
	}
	return out
}

func TestWriteProxyServesTheGoCommand(t *testing.T) {
	root := taggedRepo(t)
	out := filepath.Join(t.TempDir(), "proxy")
	if _, err := WriteProxy(context.Background(), root, out); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "mod", "download", "-json", releasetest.Prefix+"gateway@v0.1.0", releasetest.Prefix+"cache@v0.1.1")
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-modcacherw", "GOMODCACHE="+t.TempDir(),
		"GOPROXY=file://"+filepath.ToSlash(out), "GONOSUMDB="+releasetest.Prefix+"*", "GONOPROXY=", "GOPRIVATE=")
	output, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go mod download from the proxy: %v\n%s", err, output)
	}
	dec := json.NewDecoder(strings.NewReader(string(output)))
	for range 2 {
		var got struct{ Path, Version, Error, Dir string }
		if err := dec.Decode(&got); err != nil {
			t.Fatalf("decode %s: %v", output, err)
		}
		if got.Error != "" || got.Dir == "" {
			t.Errorf("%s@%s: %s", got.Path, got.Version, got.Error)
		}
	}
}

func TestWriteProxyFromALinkedWorktree(t *testing.T) {
	root := taggedRepo(t)
	wt := filepath.Join(t.TempDir(), "wt")
	releasetest.Git(t, root, "worktree", "add", "--quiet", "--detach", wt, "HEAD")
	written, err := WriteProxy(context.Background(), wt, filepath.Join(t.TempDir(), "proxy"))
	if err != nil || len(written) != 7 {
		t.Errorf("from a worktree: %d versions, %v; want 7", len(written), err)
	}
}

func TestWriteProxyRefuses(t *testing.T) {
	tests := map[string]struct {
		breaks func(t *testing.T, root, out string)
		want   string
	}{
		"output not empty": {func(t *testing.T, root, out string) { releasetest.WriteFile(t, out, "old/file", "x") }, "not empty"},
		"tag of a folder without go.mod": {func(t *testing.T, root, out string) {
			releasetest.Git(t, root, "tag", "ghost/v0.1.0")
		}, "tag ghost/v0.1.0: no ghost/go.mod"},
		"module path not the folder's": {func(t *testing.T, root, out string) {
			releasetest.WriteFile(t, root, "other/go.mod", "module example.com/other\n\ngo 1.26\n")
			releasetest.Commit(t, root, "other")
			releasetest.Git(t, root, "tag", "other/v0.1.0")
		}, `declares module "example.com/other"`},
		"not a repository": {func(t *testing.T, root, out string) {
			if err := os.RemoveAll(filepath.Join(root, ".git")); err != nil {
				t.Fatal(err)
			}
			t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(root))
		}, "git rev-parse"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			root := taggedRepo(t)
			out := t.TempDir()
			tc.breaks(t, root, out)
			_, err := WriteProxy(context.Background(), root, out)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one mentioning %q", err, tc.want)
			}
		})
	}
}

func TestModuleTagsSkipsOtherTags(t *testing.T) {
	root := taggedRepo(t)
	tags, err := moduleTags(context.Background(), root)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tg := range tags {
		names = append(names, tg.String())
	}
	want := []string{"cache/v0.1.0", "cache/v0.1.1", "circuitbreaker/v0.1.0", "function/v0.1.0", "gateway/v0.1.0", "tools/v0.1.0", "utility/v0.1.0"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("module tags = %v, want %v", names, want)
	}
}
