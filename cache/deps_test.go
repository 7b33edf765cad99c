package cache

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestNoHeavyInitialiser guards the cold start of every program that
// imports the cache: a linked package's initialisation runs whether or not
// it is used, and encoding/gob's (which go-cache linked) allocated about
// 29 kB in 440 allocations before main.
func TestNoHeavyInitialiser(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if !slices.Contains(deps, "github.com/lee-engine/lee/cache") {
		t.Fatalf("go list -deps did not list the cache itself: %q", deps)
	}
	if slices.Contains(deps, "encoding/gob") {
		t.Error("the cache links encoding/gob, whose initialisation runs at every cold start")
	}
}
