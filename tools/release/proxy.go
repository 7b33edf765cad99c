package release

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"
	"golang.org/x/mod/zip"

	"github.com/lee-engine/lee/tools/repocheck"
)

// WriteProxy writes every module version tagged <module>/vX.Y.Z in the
// repository at root into out as a Go module proxy folder (the layout
// GOPROXY=file://<out> reads): <module path>/@v/list, and per version .info
// (the tagged commit's time), .mod (go.mod at the tag) and .zip (the
// module's files at the tag, built by golang.org/x/mod/zip from git, as the
// go command would build it). Tags that are not module tags are passed
// over. out must be new or empty, so that it holds no stale version. It
// returns the versions written, sorted by path then version.
func WriteProxy(ctx context.Context, root, out string) ([]module.Version, error) {
	if err := emptyFolder(out); err != nil {
		return nil, err
	}
	vcs, err := vcsRoot(ctx, root)
	if err != nil {
		return nil, fmt.Errorf("proxy: %w", err)
	}
	tags, err := moduleTags(ctx, root)
	if err != nil {
		return nil, fmt.Errorf("proxy: %w", err)
	}
	versions := map[string][]string{}
	var written []module.Version
	for _, t := range tags {
		mv, err := writeVersion(ctx, vcs, out, t)
		if err != nil {
			return nil, fmt.Errorf("proxy: tag %s: %w", t, err)
		}
		versions[mv.Path] = append(versions[mv.Path], mv.Version)
		written = append(written, mv)
	}
	for path, vs := range versions {
		semver.Sort(vs)
		if err := writeFile(out, path, "list", []byte(strings.Join(vs, "\n")+"\n")); err != nil {
			return nil, fmt.Errorf("proxy: %w", err)
		}
	}
	module.Sort(written)
	return written, nil
}

// emptyFolder creates dir, or accepts it when it exists and is empty.
func emptyFolder(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("proxy: %w", err)
		}
		return nil
	case err != nil:
		return fmt.Errorf("proxy: %w", err)
	case len(entries) > 0:
		return fmt.Errorf("proxy: %s is not empty: give a new or empty folder, so that it holds no stale version", dir)
	}
	return nil
}

// moduleTags lists the repository's tags of the form <module>/vX.Y.Z.
func moduleTags(ctx context.Context, root string) ([]Tag, error) {
	out, err := git(ctx, root, "tag", "--list")
	if err != nil {
		return nil, err
	}
	var tags []Tag
	for _, name := range strings.Fields(out) {
		mod, v, ok := strings.Cut(name, "/")
		if !ok || mod == "" || !semver.IsValid(v) || semver.Canonical(v) != v {
			continue
		}
		tags = append(tags, Tag{Module: mod, Version: strings.TrimPrefix(v, "v")})
	}
	return tags, nil
}

// writeVersion writes the .mod, .info and .zip of one tagged version.
func writeVersion(ctx context.Context, vcs, out string, t Tag) (module.Version, error) {
	goMod, err := git(ctx, vcs, "show", t.String()+":"+t.Module+"/go.mod")
	if err != nil {
		return module.Version{}, fmt.Errorf("no %s/go.mod in the tagged tree: %w", t.Module, err)
	}
	mv := module.Version{Path: modfile.ModulePath([]byte(goMod)), Version: "v" + t.Version}
	if want := repocheck.RepoPrefix + t.Module; mv.Path != want {
		return module.Version{}, fmt.Errorf("%s/go.mod declares module %q, want %s", t.Module, mv.Path, want)
	}
	if err := module.Check(mv.Path, mv.Version); err != nil {
		return module.Version{}, err
	}
	when, err := git(ctx, vcs, "log", "-1", "--format=%cI", t.String())
	if err != nil {
		return module.Version{}, err
	}
	commitTime, err := time.Parse(time.RFC3339, strings.TrimSpace(when))
	if err != nil {
		return module.Version{}, fmt.Errorf("commit time %q: %w", when, err)
	}
	info, err := json.Marshal(struct {
		Version string
		Time    time.Time
	}{mv.Version, commitTime.UTC()})
	if err != nil {
		return module.Version{}, err
	}
	if err := writeFile(out, mv.Path, mv.Version+".info", info); err != nil {
		return module.Version{}, err
	}
	if err := writeFile(out, mv.Path, mv.Version+".mod", []byte(goMod)); err != nil {
		return module.Version{}, err
	}
	return mv, writeZip(out, vcs, mv, t)
}

// writeZip builds the module zip from the tag's tree.
func writeZip(out, vcs string, mv module.Version, t Tag) error {
	path, err := proxyPath(out, mv.Path, mv.Version+".zip")
	if err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := zip.CreateFromVCS(f, mv, vcs, t.String(), t.Module); err != nil {
		f.Close()
		return fmt.Errorf("module zip: %w", err)
	}
	return f.Close()
}

// writeFile writes <out>/<escaped module path>/@v/<name>, the name's
// version part escaped as the proxy protocol wants.
func writeFile(out, modPath, name string, data []byte) error {
	path, err := proxyPath(out, modPath, name)
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// proxyPath returns the file for name under modPath's @v folder, creating
// the folder.
func proxyPath(out, modPath, name string) (string, error) {
	escPath, err := module.EscapePath(modPath)
	if err != nil {
		return "", err
	}
	if name != "list" {
		ext := filepath.Ext(name)
		v, err := module.EscapeVersion(strings.TrimSuffix(name, ext))
		if err != nil {
			return "", err
		}
		name = v + ext
	}
	dir := filepath.Join(out, filepath.FromSlash(escPath), "@v")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	return filepath.Join(dir, name), nil
}
