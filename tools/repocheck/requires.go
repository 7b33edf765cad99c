package repocheck

import (
	"fmt"
	"path/filepath"
)

// checkRequires reports every require line of m's go.mod that names a
// sibling module at a version other than the one versions.yaml lists for
// it: a consumer outside the workspace gets exactly that version, so it has
// to be the released one. versions is nil when the manifest could not be
// read; there is nothing to compare with then.
func checkRequires(root string, m Module, versions map[string]string) ([]Finding, error) {
	if versions == nil {
		return nil, nil
	}
	gm, err := readGoMod(root, m)
	if err != nil || gm.finding != nil {
		return findingList(gm.finding), err
	}
	file := rel(root, filepath.Join(m.Dir, "go.mod"))
	var out []Finding
	for _, req := range gm.file.Require {
		sibling, ok := repoModule(req.Mod.Path)
		if !ok || sibling == "" {
			continue
		}
		listed, ok := versions[sibling]
		switch {
		case !ok:
			out = append(out, Finding{Module: m.Name, File: file, Message: fmt.Sprintf(
				"module %s requires %s %s but %s lists no module %s", m.Name, req.Mod.Path, req.Mod.Version, ManifestFile, sibling)})
		case req.Mod.Version != "v"+listed:
			out = append(out, Finding{Module: m.Name, File: file, Message: fmt.Sprintf(
				"module %s requires %s %s but %s lists %s %s", m.Name, req.Mod.Path, req.Mod.Version, ManifestFile, sibling, listed)})
		}
	}
	return out, nil
}
