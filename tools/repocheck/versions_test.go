package repocheck

import (
	"strings"
	"testing"
)

func TestCheckVersionsGoodTree(t *testing.T) {
	root := goodTree().write(t)
	got, err := CheckVersions(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 0 {
		t.Fatalf("good tree has findings:\n%s", findingLines(got))
	}
}

func TestCheckVersionsBrokenTrees(t *testing.T) {
	tests := []struct {
		name   string
		breaks func(tree)
		file   string
		wants  []string
		// alsoElsewhere: the same cause legitimately shows in other files
		// too; only the findings naming file are checked.
		alsoElsewhere bool
	}{
		{
			name:   "changelog newer than Version",
			breaks: func(t tree) { t["cache/CHANGELOG.md"] = "# Changelog\n\n## 0.2.0 — 2026-12-01\n\n## 0.1.0\n" },
			file:   "cache/CHANGELOG.md",
			wants:  []string{"module cache", "0.2.0", "0.1.0", "cache/version.go"},
		},
		{
			name: "manifest disagrees",
			breaks: func(t tree) {
				t["versions.yaml"] = strings.Replace(t["versions.yaml"], "logging: 0.1.0", "logging: 0.1.1", 1)
			},
			file:          "versions.yaml",
			wants:         []string{"module logging", "0.1.1", "0.1.0", "logging/version.go"},
			alsoElsewhere: true,
		},
		{
			name: "require line at v0.0.0",
			breaks: func(t tree) {
				t["gateway/go.mod"] = strings.Replace(t["gateway/go.mod"], "/cache v0.1.0", "/cache v0.0.0", 1)
			},
			file:  "gateway/go.mod",
			wants: []string{"module gateway requires github.com/lee-engine/lee/cache v0.0.0", "versions.yaml lists cache 0.1.0"},
		},
		{
			name: "require line at a pseudo-version",
			breaks: func(t tree) {
				t["function/go.mod"] = strings.Replace(t["function/go.mod"], "/gateway v0.1.0", "/gateway v0.0.0-00010101000000-000000000000", 1)
			},
			file:  "function/go.mod",
			wants: []string{"module function requires github.com/lee-engine/lee/gateway v0.0.0-00010101000000-000000000000", "lists gateway 0.1.0"},
		},
		{
			name: "require line behind a release",
			breaks: func(t tree) {
				t["cache/version.go"] = strings.Replace(t["cache/version.go"], "0.1.0", "0.2.0", 1)
				t["cache/CHANGELOG.md"] = strings.Replace(t["cache/CHANGELOG.md"], "## 0.1.0", "## 0.2.0", 1)
				t["versions.yaml"] = strings.Replace(t["versions.yaml"], "cache: 0.1.0", "cache: 0.2.0", 1)
			},
			file:          "gateway/go.mod",
			wants:         []string{"module gateway requires github.com/lee-engine/lee/cache v0.1.0", "lists cache 0.2.0"},
			alsoElsewhere: true,
		},
		{
			name: "require of a module versions.yaml does not list",
			breaks: func(t tree) {
				t["versions.yaml"] = strings.Replace(t["versions.yaml"], "  logging: 0.1.0\n", "", 1)
			},
			file:          "gateway/go.mod",
			wants:         []string{"module gateway requires github.com/lee-engine/lee/logging v0.1.0", "versions.yaml lists no module logging"},
			alsoElsewhere: true,
		},
		{
			name:   "module missing from manifest",
			breaks: func(t tree) { t["versions.yaml"] = strings.Replace(t["versions.yaml"], "  metrics: 0.1.0\n", "", 1) },
			file:   "versions.yaml",
			wants:  []string{"module metrics is missing", "0.1.0"},
		},
		{
			name:   "manifest lists a module that does not exist",
			breaks: func(t tree) { t["versions.yaml"] += "  ghost: 0.3.0\n" },
			file:   "versions.yaml",
			wants:  []string{"ghost", "0.3.0", "no ghost/go.mod"},
		},
		{
			name:          "Version constant disagrees",
			breaks:        func(t tree) { t["utility/version.go"] = "package utility\n\nconst Version = \"0.1.2\"\n" },
			file:          "utility/CHANGELOG.md",
			wants:         []string{"module utility", "0.1.0", "0.1.2"},
			alsoElsewhere: true,
		},
		{
			name:   "no doc.go",
			breaks: func(t tree) { delete(t, "singleton/doc.go") },
			file:   "singleton/doc.go",
			wants:  []string{"module singleton has no doc.go"},
		},
		{
			name:   "no README.md",
			breaks: func(t tree) { delete(t, "security/README.md") },
			file:   "security/README.md",
			wants:  []string{"module security has no README.md"},
		},
		{
			name:   "no CHANGELOG.md",
			breaks: func(t tree) { delete(t, "metrics/CHANGELOG.md") },
			file:   "metrics/CHANGELOG.md",
			wants:  []string{"module metrics has no CHANGELOG.md"},
		},
		{
			name:   "changelog without a version heading",
			breaks: func(t tree) { t["gateway/CHANGELOG.md"] = "# Changelog\n\n## Unreleased\n- things\n" },
			file:   "gateway/CHANGELOG.md",
			wants:  []string{"module gateway", "no \"## X.Y.Z\" entry heading"},
		},
		{
			name: "Version only in a comment",
			breaks: func(t tree) {
				t["function/version.go"] = "package main\n\n// const Version = \"0.1.0\"\nconst Release = \"0.1.0\"\n"
			},
			file:  "function/",
			wants: []string{"module function declares no const Version"},
		},
		{
			name:          "Version not X.Y.Z",
			breaks:        func(t tree) { t["tools/version.go"] = "package tools\n\nconst Version = \"v0.1\"\n" },
			file:          "tools/version.go",
			wants:         []string{"module tools", `"v0.1"`, "not X.Y.Z"},
			alsoElsewhere: true,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr := goodTree()
			tc.breaks(tr)
			got, err := CheckVersions(tr.write(t))
			if err != nil {
				t.Fatal(err)
			}
			if tc.alsoElsewhere {
				if len(got) < 2 {
					t.Fatalf("want the cause reported in several files, got:\n%s", findingLines(got))
				}
				got = onlyFile(got, tc.file)
			}
			expectOneFinding(t, got, tc.file, tc.wants...)
		})
	}
}

func TestCheckVersionsManifestProblems(t *testing.T) {
	tests := []struct {
		name     string
		manifest *string
		want     string
	}{
		{name: "missing", manifest: nil, want: "cannot read the version manifest"},
		{name: "not yaml", manifest: ptr("modules: [\n"), want: "not valid YAML"},
		{name: "no modules key", manifest: ptr("other: {}\n"), want: `no "modules:" map`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr := goodTree()
			delete(tr, "versions.yaml")
			if tc.manifest != nil {
				tr["versions.yaml"] = *tc.manifest
			}
			got, err := CheckVersions(tr.write(t))
			if err != nil {
				t.Fatal(err)
			}
			expectOneFinding(t, got, "versions.yaml", tc.want)
		})
	}
}

func TestNewestChangelogVersion(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"plain", "# C\n\n## 1.2.3 — date\n## 1.2.2\n", "1.2.3"},
		{"unreleased first", "## Unreleased\n\n## 0.4.0\n", "0.4.0"},
		{"brackets and v", "## [v2.0.1] - 2026-01-01\n", "2.0.1"},
		{"third level ignored", "### 9.9.9\n## 0.1.0\n", "0.1.0"},
		{"pre-release not a release", "## 1.0.0-rc1\n## 0.9.0\n", "0.9.0"},
		{"none", "# Changelog\n\nnothing yet\n", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := newestChangelogVersion(strings.NewReader(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// onlyFile keeps the findings that name file.
func onlyFile(fs []Finding, file string) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.File == file {
			out = append(out, f)
		}
	}
	return out
}

func ptr(s string) *string { return &s }

func TestCheckVersionsUnparsableFile(t *testing.T) {
	tr := goodTree()
	tr["httpclient/broken.go"] = "package httpclient\n\nconst Version = \n"
	root := tr.write(t)
	got, err := CheckVersions(root)
	if err != nil {
		t.Fatal(err)
	}
	got = onlyFile(got, "httpclient/")
	if len(got) != 1 || !strings.Contains(got[0].Message, "httpclient/broken.go") || strings.Contains(got[0].Message, root) {
		t.Fatalf("findings:\n%s", findingLines(got))
	}
}
