package release

import (
	"context"
	"fmt"
)

// pendingTags lists, dependencies first, the tag of every module whose
// version (from versions.yaml, or from override) has no tag in tags.
func (ws *workspace) pendingTags(tags map[string]bool, override map[string]string) ([]Tag, error) {
	order, err := ws.order()
	if err != nil {
		return nil, err
	}
	var out []Tag
	for _, n := range order {
		v := ws.mods[n].version
		if o, ok := override[n]; ok {
			v = o
		}
		if t := (Tag{n, v}); !tags[t.String()] {
			out = append(out, t)
		}
	}
	return out, nil
}

// PendingTags lists the tags still to create at root: every module whose
// versions.yaml version has no <module>/vX.Y.Z tag, dependencies first.
func PendingTags(ctx context.Context, root string) ([]Tag, error) {
	ws, err := loadWorkspace(root)
	if err != nil {
		return nil, fmt.Errorf("pending tags: %w", err)
	}
	tags, err := tagSet(ctx, root)
	if err != nil {
		return nil, err
	}
	return ws.pendingTags(tags, nil)
}

// CreateTags creates the pending tags (see PendingTags) on the commit
// checked out at root, dependencies first, as annotated tags, and returns
// them. The tree must be clean and pass lee check versions: a tag is a
// promise that the module's files at that commit are that version.
func CreateTags(ctx context.Context, root string) ([]Tag, error) {
	if err := checkClean(ctx, root); err != nil {
		return nil, err
	}
	if err := checkConsistent(root, "before tagging"); err != nil {
		return nil, err
	}
	pending, err := PendingTags(ctx, root)
	if err != nil {
		return nil, err
	}
	for i, t := range pending {
		if _, err := git(ctx, root, "tag", "--annotate", "--message", t.Module+" v"+t.Version, t.String()); err != nil {
			return pending[:i], fmt.Errorf("create tags: %w", err)
		}
	}
	return pending, nil
}
