package release

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/lee-engine/lee/tools/internal/gosrc"
	"github.com/lee-engine/lee/tools/pack"
	"github.com/lee-engine/lee/tools/repocheck"
)

// Settings configures Release.
type Settings struct {
	// Root is the repository root, the folder holding go.work and
	// versions.yaml. It must be a git checkout.
	Root string
	// Module is the module's folder name, e.g. "cache".
	Module string
	// Version is the new version, "X.Y.Z" or "vX.Y.Z".
	Version string
	// Date is the release date written in CHANGELOG.md. Zero: today.
	Date time.Time
	// Write applies the release; false computes and checks it only.
	Write bool
	// Sync brings go.mod, go.sum and go.work in line after the edits. Nil:
	// MakeSync, with make's output to Log.
	Sync func(ctx context.Context, root string) error
	// Log receives the output of the default Sync. Nil: discarded.
	Log io.Writer
}

// Plan is what a release changes, computed before anything is written.
type Plan struct {
	Module   string // folder name
	From, To string // X.Y.Z
	// Files are the edits, in the order they are written.
	Files []FileChange
	// Dependents are the modules whose go.mod requires Module and moves to
	// To, dependencies first. Each changes, so each needs its own release.
	Dependents []string
	// Changed, after a written release, lists the modules other than Module
	// that the release changed (the dependents and whatever make sync
	// touched), dependencies first.
	Changed []string
	// Commit is the release commit, after a written release.
	Commit string
	// Tags are the tags still to create once the release is committed:
	// every module whose versions.yaml version has no tag, dependencies
	// first, this release's included.
	Tags []Tag
}

// FileChange is one file a release writes.
type FileChange struct {
	File string // relative to the root, slash-separated
	What string // the change, in a few words
	data []byte
}

// ErrInconsistent reports a tree that lee check versions does not pass:
// a release starts and ends with every version in agreement.
var ErrInconsistent = errors.New("lee check versions finds problems")

// ErrTagExists reports a release whose tag is already there.
var ErrTagExists = errors.New("tag already exists")

// Release checks and computes the release of s.Module at s.Version and,
// with s.Write, applies it: the module's Version constant, its CHANGELOG.md
// "## Unreleased" heading (now "## X.Y.Z — date"), its versions.yaml line,
// every dependent's require line (with a note in the dependent's
// Unreleased section), then Sync, lee check versions and one commit. The
// checks are the same with and without Write, so a dry run fails where the
// real one would.
func Release(ctx context.Context, s Settings) (*Plan, error) {
	to, err := parseVersion(s.Version)
	if err != nil {
		return nil, err
	}
	ws, err := loadWorkspace(s.Root)
	if err != nil {
		return nil, fmt.Errorf("release: %w", err)
	}
	m, err := ws.module(s.Module)
	if err != nil {
		return nil, err
	}
	if err := checkGreater(m.name, m.version, to); err != nil {
		return nil, err
	}
	if err := checkClean(ctx, s.Root); err != nil {
		return nil, err
	}
	if err := checkConsistent(s.Root, "before the release"); err != nil {
		return nil, err
	}
	tags, err := tagSet(ctx, s.Root)
	if err != nil {
		return nil, err
	}
	if tag := (Tag{m.name, to}); tags[tag.String()] {
		return nil, fmt.Errorf("%w: %s (choose a later version)", ErrTagExists, tag)
	}
	date := s.Date
	if date.IsZero() {
		date = time.Now()
	}
	p, err := ws.plan(m, to, date.Format(time.DateOnly))
	if err != nil {
		return nil, err
	}
	if p.Tags, err = ws.pendingTags(tags, map[string]string{m.name: to}); err != nil {
		return nil, err
	}
	if !s.Write {
		return p, nil
	}
	return p, p.apply(ctx, ws, s)
}

// plan computes every file edit of releasing m at version to.
func (ws *workspace) plan(m *wsModule, to, date string) (*Plan, error) {
	order, err := ws.order()
	if err != nil {
		return nil, err
	}
	p := &Plan{Module: m.name, From: m.version, To: to, Dependents: ws.dependents(m.name, order)}
	c, ok, err := gosrc.PackageConst(m.dir, "Version")
	if err != nil {
		return nil, fmt.Errorf("release %s: %w", m.name, err)
	}
	if !ok {
		return nil, fmt.Errorf("release %s: its root package declares no const Version", m.name)
	}
	if err := p.edit(ws.root, c.File, fmt.Sprintf("Version %q → %q", c.Value, to), func(b []byte) ([]byte, error) {
		return setVersionConst(b, c, to)
	}); err != nil {
		return nil, err
	}
	logFile := filepath.Join(m.dir, "CHANGELOG.md")
	if err := p.edit(ws.root, logFile, `"## Unreleased" → "## `+to+` — `+date+`"`, func(b []byte) ([]byte, error) {
		return releaseChangelog(b, to, date)
	}); err != nil {
		return nil, fmt.Errorf("release %s: %s: %w", m.name, rel(ws.root, logFile), err)
	}
	if err := p.edit(ws.root, filepath.Join(ws.root, repocheck.ManifestFile), fmt.Sprintf("%s: %s → %s", m.name, m.version, to), func(b []byte) ([]byte, error) {
		return setManifestVersion(b, m.name, to)
	}); err != nil {
		return nil, err
	}
	if m.name == FunctionModule {
		if err := p.editTemplate(ws.root, m.version, to); err != nil {
			return nil, err
		}
	}
	for _, d := range p.Dependents {
		if err := p.editDependent(ws, ws.mods[d], m, to); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// FunctionModule is the module whose version names the deployable package,
// and TemplateFile the SAM template that deploys it (relative to the root).
const (
	FunctionModule = "function"
	TemplateFile   = "deploy/template.yaml"
)

// editTemplate moves the template's CodeUri from the package of version
// from to that of version to: the template deploys the zip lee package
// names after the function's version, so a release of the function that
// left it would deploy the previous package, or none. A tree without the
// template (a module set used elsewhere) has nothing to move.
func (p *Plan) editTemplate(root, from, to string) error {
	path := filepath.Join(root, filepath.FromSlash(TemplateFile))
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	oldURI, newURI := "../dist/"+pack.DeployFileName(from), "../dist/"+pack.DeployFileName(to)
	return p.edit(root, path, "CodeUri "+oldURI+" → "+newURI, func(b []byte) ([]byte, error) {
		return setCodeURI(b, oldURI, newURI)
	})
}

// editDependent moves dependent d's require line of m to version to and
// notes it in d's Unreleased section.
func (p *Plan) editDependent(ws *workspace, d, m *wsModule, to string) error {
	req := m.path + " v" + to
	goMod := filepath.Join(d.dir, "go.mod")
	if err := p.edit(ws.root, goMod, "require "+req, func(b []byte) ([]byte, error) {
		out, _, err := setRequire(rel(ws.root, goMod), b, m.path, "v"+to)
		return out, err
	}); err != nil {
		return err
	}
	note := "Requires `" + req + "`."
	return p.edit(ws.root, filepath.Join(d.dir, "CHANGELOG.md"), `"## Unreleased": `+note, func(b []byte) ([]byte, error) {
		return noteUnreleased(b, note), nil
	})
}

// edit reads path, applies fn and records the result as a change.
func (p *Plan) edit(root, path, what string, fn func([]byte) ([]byte, error)) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("release: %w", err)
	}
	out, err := fn(data)
	if err != nil {
		return err
	}
	p.Files = append(p.Files, FileChange{File: rel(root, path), What: what, data: out})
	return nil
}

// apply writes the plan, syncs, checks and commits.
func (p *Plan) apply(ctx context.Context, ws *workspace, s Settings) error {
	for _, f := range p.Files {
		path := filepath.Join(ws.root, filepath.FromSlash(f.File))
		info, err := os.Stat(path)
		if err != nil {
			return fmt.Errorf("release: %w", err)
		}
		if err := os.WriteFile(path, f.data, info.Mode().Perm()); err != nil {
			return fmt.Errorf("release: %w", err)
		}
	}
	sync := s.Sync
	if sync == nil {
		sync = func(ctx context.Context, root string) error { return MakeSync(ctx, root, s.Log) }
	}
	undo := "the edits are written but not committed: fix the cause and commit, or undo them with git checkout"
	if err := sync(ctx, ws.root); err != nil {
		return fmt.Errorf("release %s: %w (%s)", p.Module, err, undo)
	}
	if err := checkConsistent(ws.root, "after the release"); err != nil {
		return fmt.Errorf("%w (%s)", err, undo)
	}
	files, err := changedFiles(ctx, ws.root)
	if err != nil {
		return err
	}
	order, err := ws.order()
	if err != nil {
		return err
	}
	p.Changed = changedModules(files, p.Module, order)
	if _, err := git(ctx, ws.root, "add", "--all"); err != nil {
		return err
	}
	if _, err := git(ctx, ws.root, "commit", "--quiet", "--message", p.commitMessage()); err != nil {
		return fmt.Errorf("release %s: %w (%s)", p.Module, err, undo)
	}
	head, err := git(ctx, ws.root, "rev-parse", "HEAD")
	if err != nil {
		return err
	}
	p.Commit = strings.TrimSpace(head)
	return nil
}

// commitMessage is the release commit's message.
func (p *Plan) commitMessage() string {
	msg := fmt.Sprintf("%s: release %s\n\n%s %s → %s.", p.Module, Tag{p.Module, p.To}, p.Module, p.From, p.To)
	if len(p.Changed) > 0 {
		msg += " Changed, each needing its own release: " + strings.Join(p.Changed, ", ") + "."
	}
	return msg + "\n"
}

// changedModules maps changed files to their modules: those other than
// released, in order.
func changedModules(files []string, released string, order []string) []string {
	touched := map[string]bool{}
	for _, f := range files {
		if mod, _, ok := strings.Cut(f, "/"); ok {
			touched[mod] = true
		}
	}
	var out []string
	for _, n := range order {
		if touched[n] && n != released {
			out = append(out, n)
		}
	}
	return out
}

// checkConsistent fails with ErrInconsistent, listing the findings, when
// lee check versions does not pass; when says at which step.
func checkConsistent(root, when string) error {
	findings, err := repocheck.CheckVersions(root)
	if err != nil {
		return err
	}
	if len(findings) == 0 {
		return nil
	}
	lines := make([]string, len(findings))
	for i, f := range findings {
		lines[i] = f.String()
	}
	return fmt.Errorf("%w %s:\n%s", ErrInconsistent, when, strings.Join(lines, "\n"))
}

// MakeSync runs `make sync` in root (go work sync, then go mod tidy in every
// module), with make's output to out (nil: discarded).
func MakeSync(ctx context.Context, root string, out io.Writer) error {
	if out == nil {
		out = io.Discard
	}
	cmd := exec.CommandContext(ctx, "make", "--no-print-directory", "sync")
	cmd.Dir = root
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("make sync: %w", err)
	}
	return nil
}

// rel renders path relative to root, slash-separated.
func rel(root, path string) string {
	if r, err := filepath.Rel(root, path); err == nil {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(path)
}
