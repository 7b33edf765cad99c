package repocheck

import "testing"

// TestCheckDocLinks checks that relative links leaving the repository are
// found, in any Markdown file and any link form, and that links inside it,
// absolute URLs, anchors and fenced code are not.
func TestCheckDocLinks(t *testing.T) {
	good := goodTree()
	good["README.md"] = "# LEE\n\nSee [the architecture](docs/ARCHITECTURE.md#layout), [Go](https://go.dev/), [top](#lee).\n" +
		"```sh\nls [x](../shared/alexa)\n```\n[ref]: docs/SETUP.md\n"
	good["docs/ARCHITECTURE.md"] = "# Architecture\n\n[README](../README.md), ![chart](img/a.png \"a chart\"), `../shared/alexa` as text.\n"
	if got, err := CheckDocLinks(good.write(t)); err != nil || len(got) != 0 {
		t.Fatalf("a tree with only inner links: %v\n%s", err, findingLines(got))
	}
	tests := []struct {
		name, file, text, want string
	}{
		{"README into the shared folder", "README.md", "The design is in [DESIGN.md](../shared/DESIGN.md).\n", "../shared/DESIGN.md"},
		{"module README two levels up", "function/README.md", "Schema: [schema](../../shared/alexa/validation_schemas/x.json)\n", "../../shared/alexa"},
		{"reference definition", "docs/SETUP.md", "[design]: ../../shared/DESIGN.md\n", "line 1"},
		{"image", "docs/OPERATIONS.md", "text\n![chart](../../outside.png)\n", "line 2"},
		{"angle brackets", "deploy/README.md", "[d](<../../shared/DESIGN.md>)\n", "outside the repository"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr := goodTree()
			tr[tc.file] = tc.text
			got, err := CheckDocLinks(tr.write(t))
			if err != nil {
				t.Fatal(err)
			}
			expectOneFinding(t, got, tc.file, tc.want)
		})
	}
}

// TestRepositoryDocLinks holds the repository itself to the rule: no
// Markdown file links out of it (to ../shared or anywhere else).
func TestRepositoryDocLinks(t *testing.T) {
	root, err := FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	got, err := CheckDocLinks(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) > 0 {
		t.Errorf("Markdown links out of the repository:\n%s", findingLines(got))
	}
}
