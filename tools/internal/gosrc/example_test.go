package gosrc_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/lee-engine/lee/tools/internal/gosrc"
)

// ExampleStringConsts reads the Var* constants of a config-like file.
func ExampleStringConsts() {
	dir, err := os.MkdirTemp("", "gosrc-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "vars.go")
	src := "package config\n\nconst (\n\tVarURL = \"HA_URL\"\n\tVarTier = `LEE_TIER`\n\tDefaultTier = \"standard\"\n)\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		fmt.Println(err)
		return
	}
	consts, err := gosrc.StringConsts(path, func(name string) bool { return strings.HasPrefix(name, "Var") })
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range consts {
		fmt.Println(c.Name, c.Value)
	}
	// Output:
	// VarURL HA_URL
	// VarTier LEE_TIER
}
