package release

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/internal/releasetest"
)

func TestWorkspaceOrderAndDependents(t *testing.T) {
	releasetest.Identity(t)
	ws, err := loadWorkspace(releasetest.Repo(t))
	if err != nil {
		t.Fatal(err)
	}
	order, err := ws.order()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"cache", "circuitbreaker", "utility", "gateway", "function", "tools"}
	if !reflect.DeepEqual(order, want) {
		t.Errorf("order = %v, want %v", order, want)
	}
	if got := ws.dependents("cache", order); !reflect.DeepEqual(got, []string{"gateway", "function", "tools"}) {
		t.Errorf("dependents(cache) = %v", got)
	}
	if got := ws.dependents("function", order); len(got) != 0 {
		t.Errorf("dependents(function) = %v, want none", got)
	}
	if _, err := ws.module("ghost"); !errors.Is(err, ErrUnknownModule) || !strings.Contains(err.Error(), "cache, circuitbreaker") {
		t.Errorf("module(ghost) err = %v, want ErrUnknownModule listing the modules", err)
	}
}

func TestWorkspaceOrderRefusesACycle(t *testing.T) {
	releasetest.Identity(t)
	root := releasetest.Repo(t)
	releasetest.WriteFile(t, root, "cache/go.mod", "module "+releasetest.Prefix+"cache\n\ngo 1.26\n\nrequire "+releasetest.Prefix+"gateway v0.1.0\n\nreplace "+releasetest.Prefix+"gateway => ../gateway\n")
	ws, err := loadWorkspace(root)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ws.order(); err == nil || !strings.Contains(err.Error(), "cycle among cache, function, gateway, tools") {
		t.Errorf("order err = %v, want the cycle named", err)
	}
}

func TestLoadWorkspaceErrors(t *testing.T) {
	releasetest.Identity(t)
	tests := map[string]func(root string){
		"module missing from versions.yaml": func(root string) {
			releasetest.WriteFile(t, root, "versions.yaml", "modules:\n  cache: 0.1.0\n")
		},
		"no versions.yaml modules": func(root string) { releasetest.WriteFile(t, root, "versions.yaml", "other: 1\n") },
		"go.mod that does not parse": func(root string) {
			releasetest.WriteFile(t, root, "utility/go.mod", "module x\nrequire (\n")
		},
	}
	for name, breaks := range tests {
		t.Run(name, func(t *testing.T) {
			root := releasetest.Repo(t)
			breaks(root)
			if _, err := loadWorkspace(root); err == nil {
				t.Error("no error")
			}
		})
	}
}
