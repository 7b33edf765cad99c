package bench

import (
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lee-engine/lee/tools/harness"
	"github.com/lee-engine/lee/tools/repocheck"
)

// heavyInitialisers are packages whose initialisation the bootstrap would
// pay at every cold start without needing them before the first answer
// (docs/PERFORMANCE.md): the SDK's SSM client and its configuration loader
// (1.4 MB allocated at init when they were linked). The SDK core's SigV4
// signer and go-cache (with encoding/gob) are chosen dependencies and stay;
// their cost is in docs/PERFORMANCE.md.
var heavyInitialisers = []string{
	"github.com/aws/aws-sdk-go-v2/service",
	"github.com/aws/aws-sdk-go-v2/config",
	"github.com/aws/aws-sdk-go-v2/credentials",
}

// TestBootstrapColdPath keeps the cold path of the real bootstrap as issue
// 14 left it: none of heavyInitialisers is linked, and LEE's own packages
// allocate nothing while they initialise but the process's start record
// (initialization.Default, one allocation). Allocation counts of package
// initialisation do not depend on timing; the times are only reported, by
// lee bench coldstart.
func TestBootstrapColdPath(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the bootstrap; skipped with -short")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	root, err := repocheck.FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	function := filepath.Join(root, "function")

	list := exec.CommandContext(ctx, "go", "list", "-tags", "lambda.norpc", "-deps", ".")
	list.Dir = function
	deps, err := list.Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	for _, dep := range strings.Fields(string(deps)) {
		for _, heavy := range heavyInitialisers {
			if dep == heavy || strings.HasPrefix(dep, heavy+"/") {
				t.Errorf("the bootstrap links %s", dep)
			}
		}
	}

	bin := filepath.Join(t.TempDir(), "bootstrap")
	if err := harness.BuildBootstrap(ctx, function, bin, ""); err != nil {
		t.Fatal(err)
	}
	// Without HA_URL the function stops in main, after every package has
	// been initialised: the trace is complete.
	run := exec.CommandContext(ctx, bin)
	run.Env = []string{"GODEBUG=inittrace=1"}
	var stderr bytes.Buffer
	run.Stderr = &stderr
	if err := run.Run(); err == nil {
		t.Fatal("the bootstrap started without HA_URL")
	}
	trace, err := ParseInitTrace(stderr.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	ours := 0
	for _, p := range trace {
		if !strings.HasPrefix(p.Package, "github.com/lee-engine/lee/") {
			continue
		}
		ours++
		want := int64(0)
		if p.Package == "github.com/lee-engine/lee/initialization" {
			want = 1
		}
		if p.Allocs != want {
			t.Errorf("%s allocates %d times (%d bytes) while it initialises, want %d", p.Package, p.Allocs, p.Bytes, want)
		}
	}
	if ours == 0 {
		t.Errorf("no LEE package in the trace:\n%s", stderr.String())
	}
}
