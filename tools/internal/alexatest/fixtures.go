package alexatest

import (
	"embed"
	"path"
	"sort"
	"strings"
)

// fixtures are the project's own Alexa messages, in the project's words
// and values: a directive per interface the relay handles, aimed at the
// Home Assistant simulator's demo home, and Home Assistant's answer to
// each. The same files sit in testdata/smarthome of every module that
// tests with them.
//
//go:embed testdata/smarthome/*.json
var fixtures embed.FS

// FixtureToken is the bearer token every fixture directive carries.
const FixtureToken = "lee-fixture-token-3c9e2f71"

const (
	directiveSuffix = ".directive.json"
	answerSuffix    = ".answer.json"
)

// Fixture returns the fixture file name, such as
// "PowerController.TurnOn.answer.json"; t fails when there is none.
func Fixture(t T, name string) []byte {
	t.Helper()
	b, err := fixtures.ReadFile(path.Join("testdata/smarthome", name))
	if err != nil {
		t.Fatalf("project fixture: %v", err)
	}
	return b
}

// Directive returns the fixture directive called name, such as
// "PowerController.TurnOn", "Discovery.Discover", "Alexa.ReportState" or
// "Authorization.AcceptGrant".
func Directive(t T, name string) []byte {
	t.Helper()
	return Fixture(t, name+directiveSuffix)
}

// Answer returns Home Assistant's answer to the fixture directive name.
func Answer(t T, name string) []byte {
	t.Helper()
	return Fixture(t, name+answerSuffix)
}

// Directives lists the names of every fixture directive, sorted.
func Directives() []string {
	entries, _ := fixtures.ReadDir("testdata/smarthome")
	var names []string
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), directiveSuffix); ok {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}
