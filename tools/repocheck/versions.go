package repocheck

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ManifestFile is the version manifest at the repository root: one line per
// module under the "modules" key, e.g. `modules: {cache: 0.1.0}`.
const ManifestFile = "versions.yaml"

// requiredFiles are the files every module must carry beside its go.mod.
var requiredFiles = []string{"doc.go", "README.md", "CHANGELOG.md"}

// manifest is the parsed versions.yaml.
type manifest struct {
	Modules map[string]string `yaml:"modules"`
}

// CheckVersions reports every module whose Version constant, newest
// CHANGELOG.md entry and versions.yaml line disagree, every go.mod require
// line naming a sibling module at a version other than its versions.yaml
// one, every module missing
// doc.go, README.md or CHANGELOG.md, and every versions.yaml line naming a
// module that does not exist. The error is for trees it cannot read at all.
func CheckVersions(root string) ([]Finding, error) {
	mods, err := Modules(root)
	if err != nil {
		return nil, fmt.Errorf("check versions: %w", err)
	}
	versions, out := readManifest(root)
	exists := make(map[string]bool, len(mods))
	for _, m := range mods {
		exists[m.Name] = true
		found, err := checkModuleVersion(root, m, versions)
		if err != nil {
			return nil, fmt.Errorf("check versions: %w", err)
		}
		out = append(out, found...)
		found, err = checkRequires(root, m, versions)
		if err != nil {
			return nil, fmt.Errorf("check versions: %w", err)
		}
		out = append(out, found...)
	}
	stray := make([]string, 0)
	for name := range versions {
		if !exists[name] {
			stray = append(stray, name)
		}
	}
	sort.Strings(stray)
	for _, name := range stray {
		out = append(out, Finding{File: ManifestFile, Message: fmt.Sprintf(
			"lists module %s (%s) but there is no %s/go.mod", name, versions[name], name)})
	}
	return out, nil
}

// ReadManifest returns the module → version map of root's versions.yaml
// (versions as X.Y.Z, without the "v" of tags and go.mod).
func ReadManifest(root string) (map[string]string, error) {
	versions, problems := readManifest(root)
	if len(problems) > 0 {
		return nil, fmt.Errorf("%s: %s", ManifestFile, problems[0].Message)
	}
	return versions, nil
}

// readManifest parses versions.yaml. A missing or unreadable manifest is a
// finding, not an error, so the per-module checks still run; the returned map
// is nil then and the manifest comparisons are skipped.
func readManifest(root string) (map[string]string, []Finding) {
	data, err := os.ReadFile(filepath.Join(root, ManifestFile))
	if err != nil {
		return nil, []Finding{{File: ManifestFile, Message: fmt.Sprintf("cannot read the version manifest: %v", err)}}
	}
	var m manifest
	if err := yaml.Unmarshal(data, &m); err != nil {
		return nil, []Finding{{File: ManifestFile, Message: fmt.Sprintf("not valid YAML: %v", err)}}
	}
	if m.Modules == nil {
		return nil, []Finding{{File: ManifestFile, Message: `has no "modules:" map of module name to version`}}
	}
	return m.Modules, nil
}

// checkModuleVersion runs the per-module part of CheckVersions. versions is
// nil when the manifest could not be read.
func checkModuleVersion(root string, m Module, versions map[string]string) ([]Finding, error) {
	var out []Finding
	for _, name := range requiredFiles {
		if _, err := os.Stat(filepath.Join(m.Dir, name)); err != nil {
			out = append(out, Finding{Module: m.Name, File: m.Name + "/" + name,
				Message: fmt.Sprintf("module %s has no %s", m.Name, name)})
		}
	}
	vc, err := findVersionConst(m.Dir)
	if err != nil {
		msg := strings.ReplaceAll(err.Error(), root+string(filepath.Separator), "")
		out = append(out, Finding{Module: m.Name, File: m.Name + "/", Message: msg})
	}
	ref := versionSource{value: vc.value, where: rel(root, vc.file) + " Version"}
	switch {
	case err != nil:
	case vc.value == "":
		out = append(out, Finding{Module: m.Name, File: m.Name + "/",
			Message: fmt.Sprintf(`module %s declares no const Version = "X.Y.Z" in its root package`, m.Name)})
	case !semver.MatchString(vc.value):
		out = append(out, Finding{Module: m.Name, File: rel(root, vc.file),
			Message: fmt.Sprintf("module %s: Version %q is not X.Y.Z", m.Name, vc.value)})
	}
	logFile := m.Name + "/CHANGELOG.md"
	newest, err := changelogVersion(filepath.Join(m.Dir, "CHANGELOG.md"))
	switch {
	case err != nil:
		return nil, err
	case newest.missing:
	case newest.value == "":
		out = append(out, Finding{Module: m.Name, File: logFile,
			Message: fmt.Sprintf("module %s: no \"## X.Y.Z\" entry heading", m.Name)})
	case ref.value == "":
		ref = versionSource{value: newest.value, where: logFile + " newest entry"}
	default:
		out = appendMismatch(out, m.Name, logFile, versionSource{value: newest.value, where: logFile + " newest entry"}, ref)
	}
	if versions == nil || ref.value == "" {
		return out, nil
	}
	listed, ok := versions[m.Name]
	if !ok {
		return append(out, Finding{Module: m.Name, File: ManifestFile,
			Message: fmt.Sprintf("module %s is missing (%s is %s)", m.Name, ref.where, ref.value)}), nil
	}
	return appendMismatch(out, m.Name, ManifestFile, versionSource{value: listed, where: ManifestFile}, ref), nil
}

// versionSource is one place a module's version is written down.
type versionSource struct {
	value string
	where string
}

// appendMismatch adds a finding when got and want disagree, naming the
// module, both places and both values.
func appendMismatch(out []Finding, module, file string, got, want versionSource) []Finding {
	if got.value == want.value {
		return out
	}
	return append(out, Finding{Module: module, File: file, Message: fmt.Sprintf(
		"module %s: %s is %s but %s is %s", module, got.where, got.value, want.where, want.value)})
}

// changelogEntry is the result of reading a module's CHANGELOG.md.
type changelogEntry struct {
	value   string
	missing bool // the file does not exist (reported as a required file)
}

// changelogVersion reads the newest entry of the changelog at path.
func changelogVersion(path string) (changelogEntry, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return changelogEntry{missing: true}, nil
	}
	if err != nil {
		return changelogEntry{}, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	v, err := newestChangelogVersion(f)
	if err != nil {
		return changelogEntry{}, fmt.Errorf("%s: %w", path, err)
	}
	return changelogEntry{value: v}, nil
}
