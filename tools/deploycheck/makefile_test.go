package deploycheck_test

import (
	"testing"

	"github.com/lee-engine/lee/tools/deploycheck"
)

func TestMakeDefault(t *testing.T) {
	const makefile = `# ARCH is not set here
ARCHIVE := tar
ARCH ?= arm64  # the cheaper one
GO = go
LEE := $(GO) run ./tools/cmd/lee

build:
	ARCH=amd64 make other
`
	tests := []struct {
		name, want string
		ok         bool
	}{
		{"ARCH", "arm64", true},
		{"GO", "go", true},
		{"LEE", "$(GO) run ./tools/cmd/lee", true},
		{"ARCHIVE", "tar", true},
		{"MISSING", "", false},
	}
	for _, tt := range tests {
		if got, ok := deploycheck.MakeDefault([]byte(makefile), tt.name); got != tt.want || ok != tt.ok {
			t.Errorf("MakeDefault(%s) = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}
