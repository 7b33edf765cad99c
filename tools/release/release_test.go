package release

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/modfile"

	"github.com/lee-engine/lee/tools/internal/releasetest"
	"github.com/lee-engine/lee/tools/repocheck"
)

var releaseDate = time.Date(2026, 12, 24, 10, 0, 0, 0, time.UTC)

// noSync stands in for make sync, which has nothing to do in these trees.
func noSync(context.Context, string) error { return nil }

// requireVersion is the version module's go.mod under root requires dep at.
func requireVersion(t *testing.T, root, module, dep string) string {
	t.Helper()
	f, err := modfile.Parse("go.mod", []byte(releasetest.ReadFile(t, root, module+"/go.mod")), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range f.Require {
		if r.Mod.Path == releasetest.Prefix+dep {
			return r.Mod.Version
		}
	}
	return ""
}

func head(t *testing.T, root string) string {
	t.Helper()
	return strings.TrimSpace(releasetest.Git(t, root, "rev-parse", "HEAD"))
}

func TestReleaseDryRunWritesNothing(t *testing.T) {
	releasetest.Identity(t)
	root := releasetest.Repo(t)
	before := head(t, root)
	synced := false
	p, err := Release(context.Background(), Settings{Root: root, Module: "cache", Version: "0.2.0", Date: releaseDate,
		Sync: func(context.Context, string) error { synced = true; return nil }})
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, f := range p.Files {
		files = append(files, f.File)
	}
	wantFiles := []string{"cache/version.go", "cache/CHANGELOG.md", "versions.yaml",
		"gateway/go.mod", "gateway/CHANGELOG.md", "function/go.mod", "function/CHANGELOG.md", "tools/go.mod", "tools/CHANGELOG.md"}
	if !reflect.DeepEqual(files, wantFiles) {
		t.Errorf("files = %v, want %v", files, wantFiles)
	}
	if p.From != "0.1.0" || p.To != "0.2.0" || !reflect.DeepEqual(p.Dependents, []string{"gateway", "function", "tools"}) {
		t.Errorf("plan %s → %s, dependents %v", p.From, p.To, p.Dependents)
	}
	if len(p.Tags) != 6 || p.Tags[0] != (Tag{"cache", "0.2.0"}) {
		t.Errorf("tags = %v, want every module (none is tagged), cache/v0.2.0 first", p.Tags)
	}
	if synced || p.Commit != "" || head(t, root) != before {
		t.Error("the dry run synced or committed")
	}
	if status := releasetest.Git(t, root, "status", "--porcelain"); status != "" {
		t.Errorf("the dry run changed files:\n%s", status)
	}
}

func TestReleaseWrite(t *testing.T) {
	releasetest.Identity(t)
	root := releasetest.Repo(t)
	releasetest.Git(t, root, "tag", "cache/v0.1.0")
	before := head(t, root)
	syncs := 0
	sync := func(_ context.Context, r string) error {
		syncs++
		// make sync may touch a module beyond the dependents; it is reported.
		releasetest.WriteFile(t, r, "utility/go.sum", "")
		return nil
	}
	p, err := Release(context.Background(), Settings{Root: root, Module: "cache", Version: "v0.2.0", Date: releaseDate, Write: true, Sync: sync})
	if err != nil {
		t.Fatal(err)
	}
	if syncs != 1 {
		t.Errorf("sync ran %d times, want once", syncs)
	}
	if got := releasetest.ReadFile(t, root, "cache/version.go"); !strings.Contains(got, `const Version = "0.2.0"`) {
		t.Errorf("cache/version.go:\n%s", got)
	}
	if got := releasetest.ReadFile(t, root, "cache/CHANGELOG.md"); !strings.Contains(got, "\n## 0.2.0 — 2026-12-24\n\n- A change.\n") || strings.Contains(got, "Unreleased") {
		t.Errorf("cache/CHANGELOG.md:\n%s", got)
	}
	versions, err := repocheck.ReadManifest(root)
	if err != nil || versions["cache"] != "0.2.0" || versions["gateway"] != "0.1.0" {
		t.Errorf("versions.yaml: %v %v", versions, err)
	}
	for _, d := range []string{"gateway", "function", "tools"} {
		if got := requireVersion(t, root, d, "cache"); got != "v0.2.0" {
			t.Errorf("%s requires cache %s, want v0.2.0", d, got)
		}
		if got := releasetest.ReadFile(t, root, d+"/CHANGELOG.md"); !strings.Contains(got, "## Unreleased\n\n- A change.\n- Requires `"+releasetest.Prefix+"cache v0.2.0`.\n\n## 0.1.0") {
			t.Errorf("%s/CHANGELOG.md has no note of the new requirement:\n%s", d, got)
		}
	}
	if findings, err := repocheck.CheckVersions(root); err != nil || len(findings) > 0 {
		t.Errorf("lee check versions after the release: %v %v", findings, err)
	}
	if !reflect.DeepEqual(p.Changed, []string{"utility", "gateway", "function", "tools"}) {
		t.Errorf("changed = %v", p.Changed)
	}
	if status := releasetest.Git(t, root, "status", "--porcelain"); status != "" {
		t.Errorf("the release left uncommitted files:\n%s", status)
	}
	if p.Commit != head(t, root) || p.Commit == before || strings.TrimSpace(releasetest.Git(t, root, "rev-parse", "HEAD~1")) != before {
		t.Errorf("commit %s is not one commit on top of %s", p.Commit, before)
	}
	msg := releasetest.Git(t, root, "log", "-1", "--format=%B")
	if !strings.HasPrefix(msg, "cache: release cache/v0.2.0") || !strings.Contains(msg, "utility, gateway, function, tools") {
		t.Errorf("commit message:\n%s", msg)
	}
	if len(p.Tags) != 6 || p.Tags[0] != (Tag{"cache", "0.2.0"}) {
		t.Errorf("tags = %v", p.Tags)
	}
}

// TestReleaseFunctionMovesTemplate: the SAM template deploys the zip lee
// package names after the function's version, so a release of the function
// moves the template's CodeUri with it (a tree without the template has
// nothing to move, as TestReleaseWrite's trees show for other modules).
func TestReleaseFunctionMovesTemplate(t *testing.T) {
	releasetest.Identity(t)
	root := releasetest.Repo(t)
	const tpl = "Resources:\n  Function:\n    Properties:\n      CodeUri: ../dist/lee-0.1.0.zip\n      Handler: bootstrap\n"
	releasetest.WriteFile(t, root, TemplateFile, tpl)
	releasetest.Commit(t, root, "template")
	p, err := Release(context.Background(), Settings{Root: root, Module: "function", Version: "0.2.0", Date: releaseDate, Write: true, Sync: noSync})
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, f := range p.Files {
		files = append(files, f.File)
	}
	if want := []string{"function/version.go", "function/CHANGELOG.md", "versions.yaml", TemplateFile}; !reflect.DeepEqual(files, want) {
		t.Errorf("files = %v, want %v", files, want)
	}
	if got, want := releasetest.ReadFile(t, root, TemplateFile), strings.Replace(tpl, "lee-0.1.0.zip", "lee-0.2.0.zip", 1); got != want {
		t.Errorf("%s after the release:\n%s\nwant:\n%s", TemplateFile, got, want)
	}
	if status := releasetest.Git(t, root, "status", "--porcelain"); status != "" {
		t.Errorf("the release left uncommitted files:\n%s", status)
	}
}

func TestReleaseRefuses(t *testing.T) {
	tests := []struct {
		name    string
		module  string
		version string
		breaks  func(t *testing.T, root string)
		want    error
		text    string
	}{
		{name: "unknown module", module: "ghost", version: "0.2.0", want: ErrUnknownModule, text: `"ghost"`},
		{name: "version not X.Y.Z", module: "cache", version: "0.2", want: ErrBadVersion, text: "X.Y.Z"},
		{name: "pre-release", module: "cache", version: "0.2.0-rc.1", want: ErrBadVersion},
		{name: "major version 2", module: "cache", version: "2.0.0", want: ErrBadVersion, text: "/v2"},
		{name: "same version", module: "cache", version: "0.1.0", want: ErrNotGreater, text: "cache is at 0.1.0"},
		{name: "lower version", module: "gateway", version: "0.0.9", want: ErrNotGreater},
		{name: "modified file", module: "cache", version: "0.2.0", want: ErrDirtyTree, text: "cache/README.md",
			breaks: func(t *testing.T, root string) { releasetest.WriteFile(t, root, "cache/README.md", "edited\n") }},
		{name: "untracked file", module: "cache", version: "0.2.0", want: ErrDirtyTree, text: "notes.txt",
			breaks: func(t *testing.T, root string) { releasetest.WriteFile(t, root, "notes.txt", "x\n") }},
		{name: "no Unreleased section", module: "cache", version: "0.2.0", want: ErrNoUnreleased, text: "cache/CHANGELOG.md",
			breaks: func(t *testing.T, root string) {
				releasetest.WriteFile(t, root, "cache/CHANGELOG.md", "# Changelog\n\n## 0.1.0 — 2026-11-30\n\n- First.\n")
				releasetest.Commit(t, root, "no unreleased")
			}},
		{name: "empty Unreleased section", module: "cache", version: "0.2.0", want: ErrNoUnreleased, text: "empty",
			breaks: func(t *testing.T, root string) {
				releasetest.WriteFile(t, root, "cache/CHANGELOG.md", "# Changelog\n\n## Unreleased\n\n## 0.1.0 — 2026-11-30\n")
				releasetest.Commit(t, root, "empty unreleased")
			}},
		{name: "require line behind versions.yaml", module: "cache", version: "0.2.0", want: ErrInconsistent, text: "gateway/go.mod",
			breaks: func(t *testing.T, root string) {
				releasetest.WriteFile(t, root, "gateway/go.mod", releasetest.GoMod("gateway", "0.0.0"))
				releasetest.Commit(t, root, "v0.0.0")
			}},
		{name: "template deploys another package", module: "function", version: "0.2.0", want: ErrTemplate, text: "CodeUri: ../dist/lee-0.1.0.zip",
			breaks: func(t *testing.T, root string) {
				releasetest.WriteFile(t, root, TemplateFile, "Resources:\n  Function:\n    Properties:\n      CodeUri: ../dist/lee-0.0.9.zip\n")
				releasetest.Commit(t, root, "stale template")
			}},
		{name: "tag already there", module: "cache", version: "0.2.0", want: ErrTagExists, text: "cache/v0.2.0",
			breaks: func(t *testing.T, root string) { releasetest.Git(t, root, "tag", "cache/v0.2.0") }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			releasetest.Identity(t)
			root := releasetest.Repo(t)
			if tc.breaks != nil {
				tc.breaks(t, root)
			}
			before := head(t, root)
			status := releasetest.Git(t, root, "status", "--porcelain")
			for _, write := range []bool{false, true} {
				_, err := Release(context.Background(), Settings{Root: root, Module: tc.module, Version: tc.version, Date: releaseDate, Write: write, Sync: noSync})
				if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.text) {
					t.Errorf("write=%v: err = %v, want %v mentioning %q", write, err, tc.want, tc.text)
				}
			}
			if head(t, root) != before || releasetest.Git(t, root, "status", "--porcelain") != status {
				t.Error("a refused release changed the tree")
			}
		})
	}
}

func TestReleaseSyncFailureCommitsNothing(t *testing.T) {
	releasetest.Identity(t)
	root := releasetest.Repo(t)
	before := head(t, root)
	failing := func(context.Context, string) error { return errors.New("make sync: exit status 2") }
	_, err := Release(context.Background(), Settings{Root: root, Module: "utility", Version: "0.1.1", Date: releaseDate, Write: true, Sync: failing})
	if err == nil || !strings.Contains(err.Error(), "make sync") || !strings.Contains(err.Error(), "not committed") {
		t.Fatalf("err = %v, want the sync failure and what to do about the written files", err)
	}
	if head(t, root) != before {
		t.Error("a failed sync was committed")
	}
}

func TestReleaseRefusesWhatSyncBreaks(t *testing.T) {
	releasetest.Identity(t)
	root := releasetest.Repo(t)
	before := head(t, root)
	breaking := func(_ context.Context, r string) error {
		releasetest.WriteFile(t, r, "tools/go.mod", releasetest.GoMod("tools", "0.0.0"))
		return nil
	}
	_, err := Release(context.Background(), Settings{Root: root, Module: "utility", Version: "0.1.1", Date: releaseDate, Write: true, Sync: breaking})
	if !errors.Is(err, ErrInconsistent) || !strings.Contains(err.Error(), "after the release") || !strings.Contains(err.Error(), "tools/go.mod") {
		t.Fatalf("err = %v, want ErrInconsistent after the release naming tools/go.mod", err)
	}
	if head(t, root) != before {
		t.Error("an inconsistent release was committed")
	}
}

func TestReleaseOutsideGit(t *testing.T) {
	releasetest.Identity(t)
	root := releasetest.Repo(t)
	if err := removeGitDir(root); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(root))
	_, err := Release(context.Background(), Settings{Root: root, Module: "cache", Version: "0.2.0", Sync: noSync})
	if err == nil || !strings.Contains(err.Error(), "git status") {
		t.Errorf("err = %v, want git's refusal", err)
	}
}

func removeGitDir(root string) error { return os.RemoveAll(filepath.Join(root, ".git")) }
