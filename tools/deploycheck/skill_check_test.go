package deploycheck_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/skill"
)

// regionTableHeader opens SETUP.md's table of skill languages and regions.
const regionTableHeader = "| skill language | Alexa region | AWS region | account-linking client ID | Send Alexa Events gateway |"

// regionTable is SETUP.md's table as package skill's table renders it: the
// document states the facts lee skill writes, and nothing else.
func regionTable() string {
	var b strings.Builder
	b.WriteString(regionTableHeader + "\n|---|---|---|---|---|\n")
	for _, r := range skill.Regions() {
		var langs []string
		for _, l := range skill.Locales() {
			if l.Region == r.Code {
				langs = append(langs, fmt.Sprintf("%s `%s`", l.Language, l.Code))
			}
		}
		fmt.Fprintf(&b, "| %s | %s (`%s`) | `%s` (%s) | `%s` | `%s` |\n",
			strings.Join(langs, ", "), r.Name, r.Code, r.AWSRegion, r.AWSName, r.ClientID, r.EventGateway)
	}
	return b.String()
}

// markdownTable returns the table of text that starts with header, up to
// its last row, or "".
func markdownTable(text, header string) string {
	i := strings.Index(text, header+"\n")
	if i < 0 {
		return ""
	}
	var rows []string
	for _, line := range strings.Split(text[i:], "\n") {
		if !strings.HasPrefix(line, "|") {
			break
		}
		rows = append(rows, line)
	}
	return strings.Join(rows, "\n") + "\n"
}

// TestSetupRegionTableMatchesCode: SETUP.md's table of languages, regions,
// client IDs and event gateways is package skill's table, row for row.
func TestSetupRegionTableMatchesCode(t *testing.T) {
	setup := loadRepoDocs(t)["SETUP.md"]
	got := markdownTable(setup, regionTableHeader)
	if got == "" {
		t.Fatalf("SETUP.md has no table headed\n%s\nwant:\n%s", regionTableHeader, regionTable())
	}
	if want := regionTable(); got != want {
		t.Errorf("SETUP.md's region table differs from package skill's; replace it with:\n%s\nit is:\n%s", want, got)
	}
}

// TestMarkdownTable: the comparison sees a changed row.
func TestMarkdownTable(t *testing.T) {
	doc := "intro\n\n" + regionTable() + "\nafter\n"
	if got := markdownTable(doc, regionTableHeader); got != regionTable() {
		t.Fatalf("markdownTable = %q", got)
	}
	changed := strings.Replace(doc, "eu-west-1", "eu-central-1", 1)
	if markdownTable(changed, regionTableHeader) == regionTable() {
		t.Fatal("a changed AWS region went unnoticed")
	}
	if markdownTable("no table", regionTableHeader) != "" {
		t.Fatal("found a table in text without one")
	}
}

// TestTemplateDeclaresStackOutput: lee skill --from-stack reads the output
// the SAM template declares.
func TestTemplateDeclaresStackOutput(t *testing.T) {
	outputs := loadRepoTemplate(t).Section("Outputs")
	if _, ok := outputs[skill.StackOutput]; !ok {
		t.Fatalf("deploy/template.yaml declares no output %s, which lee skill --from-stack reads", skill.StackOutput)
	}
}
