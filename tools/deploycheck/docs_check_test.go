package deploycheck_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/lee-engine/lee/metrics"
	"github.com/lee-engine/lee/tools/deploycheck"
)

// loadRepoDocs returns docs/*.md and fails unless the three operator
// documents are there.
func loadRepoDocs(t *testing.T) map[string]string {
	t.Helper()
	docs, err := deploycheck.LoadDocs(repoFile(t, "docs"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"SETUP.md", "MIGRATING.md", "OPERATIONS.md"} {
		if docs[name] == "" {
			t.Fatalf("docs/%s is missing or empty", name)
		}
	}
	return docs
}

// operatorDocs are the documents this package's owner keeps; every
// metric-shaped identifier in them must be real. Other documents (a
// performance report, say) name Go identifiers freely and get only the
// variable check and the near-miss check.
var operatorDocs = map[string]bool{"SETUP.md": true, "MIGRATING.md": true, "OPERATIONS.md": true}

// TestDocsNameOnlyRealThings checks every HA_*/LEE_* variable the documents
// mention against the config module's source; in the operator documents,
// every identifier in inline code that looks like a metric against the
// metrics module, the dimension and the template; and in every document,
// that no identifier is a misspelt metric name.
func TestDocsNameOnlyRealThings(t *testing.T) {
	docs := loadRepoDocs(t)
	vars := configVariables(t)
	testVars := testVariables(t)
	known := knownIdentifiers(t)
	for file, text := range docs {
		refs := deploycheck.DocReferences(text)
		for _, v := range refs.EnvVars {
			if vars[v] || !operatorDocs[file] && testVars[v] {
				continue
			}
			t.Errorf("docs/%s mentions %s, which the config module does not read", file, v)
		}
		for _, id := range refs.Identifiers {
			if m := nearMetric(id); m != "" {
				t.Errorf("docs/%s names `%s`; the metric is `%s`", file, id, m)
			}
			if operatorDocs[file] && !known[id] {
				t.Errorf("docs/%s names `%s`, which is no metric, dimension, template parameter, output or function property", file, id)
			}
		}
	}
}

// knownIdentifiers are the names the operator documents may put in inline
// code: the metrics, their dimension, and the template's parameters,
// outputs and function properties.
func knownIdentifiers(t *testing.T) map[string]bool {
	t.Helper()
	tpl := loadRepoTemplate(t)
	known := map[string]bool{"FunctionName": true}
	for _, n := range metrics.All {
		known[n] = true
	}
	for _, section := range []string{"Parameters", "Outputs"} {
		for name := range tpl.Section(section) {
			known[name] = true
		}
	}
	for name := range functionResource(t, tpl).Properties {
		known[name] = true
	}
	return known
}

// nearMetric returns the metric id misspells (another case, a plural s
// added or dropped), or "".
func nearMetric(id string) string {
	for _, m := range metrics.All {
		if id == m {
			return ""
		}
		if strings.EqualFold(id, m) || strings.EqualFold(id+"s", m) || strings.EqualFold(id, m+"s") {
			return m
		}
	}
	return ""
}

func TestOperationsCoversMetricsAndErrors(t *testing.T) {
	ops := loadRepoDocs(t)["OPERATIONS.md"]
	for _, n := range metrics.All {
		if !strings.Contains(ops, "`"+n+"`") {
			t.Errorf("OPERATIONS.md does not describe the metric `%s`", n)
		}
	}
	troubleshooting := section(ops, "## Troubleshooting")
	for _, what := range []string{"BRIDGE_UNREACHABLE", "INVALID_AUTHORIZATION_CREDENTIAL", "INTERNAL_ERROR",
		"INVALID_DIRECTIVE", "ACCEPT_GRANT_FAILED", "device not responding", "devices missing after discovery"} {
		if !strings.Contains(troubleshooting, what) {
			t.Errorf("the troubleshooting table lacks %q", what)
		}
	}
}

// TestOperationsLogMessagesExist checks that each log message the Logs
// section lists is written by the code, so a renamed message cannot leave
// the table describing lines nobody will find.
func TestOperationsLogMessagesExist(t *testing.T) {
	logs := section(loadRepoDocs(t)["OPERATIONS.md"], "## Logs")
	row := regexp.MustCompile("(?m)^\\| `([^`]+)` \\|")
	msgs := row.FindAllStringSubmatch(logs, -1)
	if len(msgs) < 5 {
		t.Fatalf("the Logs section lists %d messages; its table is missing or changed shape", len(msgs))
	}
	var source strings.Builder
	for _, module := range []string{"function", "gateway", "logging"} {
		files, err := filepath.Glob(filepath.Join(repoFile(t, module), "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			source.Write(data)
		}
	}
	for _, m := range msgs {
		if !strings.Contains(source.String(), `"`+m[1]+`"`) {
			t.Errorf("OPERATIONS.md lists the log message %q, which function, gateway and logging never write", m[1])
		}
	}
}

func TestMigratingCoversAliases(t *testing.T) {
	mig := loadRepoDocs(t)["MIGRATING.md"]
	vars := configVariables(t)
	for _, alias := range []string{"BASE_URL", "LONG_LIVED_ACCESS_TOKEN", "NOT_VERIFY_SSL", "DEBUG"} {
		if !vars[alias] {
			t.Errorf("the config module no longer reads %s", alias)
		}
		if !strings.Contains(mig, "`"+alias+"`") {
			t.Errorf("MIGRATING.md does not explain %s", alias)
		}
	}
	for _, field := range []string{"`url`", "`bearer_token`", "`ssl_verify`", "`ssl_client`", "`debug`"} {
		if !strings.Contains(mig, field) {
			t.Errorf("MIGRATING.md does not map haaska's %s", field)
		}
	}
}

func TestSetupCoversAccountLinkingAndDeployment(t *testing.T) {
	setup := loadRepoDocs(t)["SETUP.md"]
	for _, want := range []string{
		"alexa:\n  smart_home:",
		"/auth/authorize", "/auth/token", "`smart_home`",
		"https://pitangui.amazon.com/", "https://layla.amazon.com/", "https://alexa.amazon.co.jp/",
		"us-east-1", "eu-west-1", "us-west-2",
		"make package", "sam deploy --guided --template-file deploy/template.yaml",
		"lee doctor", "FunctionArn",
	} {
		if !strings.Contains(setup, want) {
			t.Errorf("SETUP.md lacks %q", want)
		}
	}
}

// section returns the text from heading to the next heading of the same
// level, or "" when the heading is missing.
func section(text, heading string) string {
	i := strings.Index(text, heading+"\n")
	if i < 0 {
		return ""
	}
	rest := text[i+len(heading):]
	if j := strings.Index(rest, "\n## "); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

// testVariables are the HA_/LEE_ variables the repository's tools and
// tests read themselves (LEE_BOOTSTRAP, LEE_SOAK_N, ...): the developer
// documents may name them, the operator documents may not.
func testVariables(t *testing.T) map[string]bool {
	t.Helper()
	read := regexp.MustCompile(`(?:Getenv|LookupEnv)\("((?:HA|LEE)_[A-Z0-9_]+)"\)`)
	vars := map[string]bool{}
	err := filepath.WalkDir(repoFile(t, "tools"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range read.FindAllSubmatch(src, -1) {
			vars[string(m[1])] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !vars["LEE_SOAK_N"] {
		t.Fatal("no tool reads LEE_SOAK_N: has the soak test moved?")
	}
	return vars
}
