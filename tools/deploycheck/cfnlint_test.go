package deploycheck_test

import (
	"context"
	"os/exec"
	"testing"
	"time"
)

// TestTemplateCfnLint runs cfn-lint, which applies the SAM transform and
// checks every resource against CloudFormation's own schemas, when it is
// installed. The structural tests above do not depend on it.
func TestTemplateCfnLint(t *testing.T) {
	bin, err := exec.LookPath("cfn-lint")
	if err != nil {
		t.Skip("cfn-lint is not installed; the template's structure is still checked by the other tests")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, bin, repoFile(t, "deploy", "template.yaml")).CombinedOutput()
	if err != nil {
		t.Fatalf("cfn-lint: %v\n%s", err, out)
	}
}
