package release

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
)

// git runs git in dir and returns its standard output. A failure carries
// git's own message.
func git(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return "", fmt.Errorf("git %s: %s", strings.Join(args, " "), msg)
	}
	return stdout.String(), nil
}

// ErrDirtyTree reports uncommitted changes where a release needs a clean
// tree: a release is one commit holding the release and nothing else.
var ErrDirtyTree = errors.New("the working tree has uncommitted changes")

// checkClean fails with ErrDirtyTree, naming a few of the files, when git
// status shows any change, untracked files included.
func checkClean(ctx context.Context, root string) error {
	out, err := git(ctx, root, "status", "--porcelain", "--untracked-files=all")
	if err != nil {
		return err
	}
	if out == "" {
		return nil
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	const shown = 5
	more := ""
	if len(lines) > shown {
		more = fmt.Sprintf(" and %d more", len(lines)-shown)
		lines = lines[:shown]
	}
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return fmt.Errorf("%w (%s%s): commit or stash them first", ErrDirtyTree, strings.Join(lines, ", "), more)
}

// changedFiles lists the files git status shows as changed or new, relative
// to root with forward slashes.
func changedFiles(ctx context.Context, root string) ([]string, error) {
	out, err := git(ctx, root, "status", "--porcelain", "--untracked-files=all", "-z")
	if err != nil {
		return nil, err
	}
	var files []string
	for _, entry := range strings.Split(out, "\x00") {
		if len(entry) > 3 {
			files = append(files, entry[3:])
		}
	}
	return files, nil
}

// tagSet returns the names of the repository's tags.
func tagSet(ctx context.Context, root string) (map[string]bool, error) {
	out, err := git(ctx, root, "tag", "--list")
	if err != nil {
		return nil, err
	}
	tags := map[string]bool{}
	for _, t := range strings.Fields(out) {
		tags[t] = true
	}
	return tags, nil
}

// vcsRoot returns the folder whose .git is the repository's git folder. In
// a linked worktree that is the main checkout, which shares the worktree's
// objects and tags; golang.org/x/mod/zip accepts only such a folder.
func vcsRoot(ctx context.Context, root string) (string, error) {
	out, err := git(ctx, root, "rev-parse", "--path-format=absolute", "--git-common-dir")
	if err != nil {
		return "", err
	}
	common := filepath.Clean(strings.TrimSpace(out))
	if filepath.Base(common) != ".git" {
		return "", fmt.Errorf("repository %s keeps its git folder at %s, not in a checkout's .git: module zips need a checkout", root, common)
	}
	return filepath.Dir(common), nil
}
