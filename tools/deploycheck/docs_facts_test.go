package deploycheck_test

import (
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
