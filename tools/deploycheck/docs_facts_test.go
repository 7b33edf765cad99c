package deploycheck_test

import (
	"regexp"
	"strings"
	"testing"
)

// TestMigratingWaitsBetweenUpdates: converting a function in place updates
// its configuration, then its code; Lambda refuses the second update while
// the first is in progress, so the commands wait in between.
func TestMigratingWaitsBetweenUpdates(t *testing.T) {
	mig := loadRepoDocs(t)["MIGRATING.md"]
	config := strings.Index(mig, "aws lambda update-function-configuration")
	code := strings.Index(mig, "aws lambda update-function-code")
	if config < 0 || code < 0 {
		t.Fatal("MIGRATING.md no longer converts a function in place with update-function-configuration and update-function-code")
	}
	wait := strings.Index(mig[config:], "aws lambda wait function-updated")
	if wait < 0 || config+wait > code {
		t.Error("MIGRATING.md does not run `aws lambda wait function-updated` between the configuration and the code update")
	}
}

// TestSetupStatesAccountLinkingFacts holds SETUP.md to the facts checked
// against Home Assistant's and Amazon's pages: the account-linking switch
// to leave off, a non-US locale example, and the certificate requirements
// of both sources, cited, instead of a flat "Let's Encrypt is fine".
func TestSetupStatesAccountLinkingFacts(t *testing.T) {
	setup := loadRepoDocs(t)["SETUP.md"]
	flat := strings.Join(strings.Fields(setup), " ")
	for _, want := range []string{
		`"Allow users to link their account to your skill from within your application or website"** off`,
		"https://developer.amazon.com/en-US/docs/alexa/account-linking/requirements-account-linking.html",
		"https://www.home-assistant.io/integrations/alexa.smart_home/",
		"Amazon-approved certificate authority",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("SETUP.md lacks %q", want)
		}
	}
	if strings.Contains(flat, "Let's Encrypt is fine") {
		t.Error("SETUP.md still says Let's Encrypt is fine without Amazon's own rule beside it")
	}
	m := regexp.MustCompile("(?m)^alexa:\n  smart_home:\n    locale: ([a-z]{2}-[A-Z]{2})$").FindStringSubmatch(setup)
	if m == nil {
		t.Fatal("SETUP.md shows no locale: under alexa: smart_home:")
	}
	if m[1] == "en-US" {
		t.Error("SETUP.md's locale example is Home Assistant's default, en-US; show one that needs setting")
	}
}
