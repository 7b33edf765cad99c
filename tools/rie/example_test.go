package rie_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/lee-engine/lee/tools/rie"
)

// Example runs a bootstrap under the emulator and invokes it once. The
// bootstrap here is a shell script that exits at once, so the emulator
// answers 502. (No Output line: the example needs aws-lambda-rie installed,
// which the package's tests check with a clear skip or, in CI, failure.)
func Example() {
	emulator, err := rie.LookPath()
	if err != nil {
		fmt.Println("aws-lambda-rie not installed")
		return
	}
	dir, err := os.MkdirTemp("", "rie-example-")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	bootstrap := filepath.Join(dir, "bootstrap")
	if err := os.WriteFile(bootstrap, []byte("#!/bin/sh\nexit 1\n"), 0o755); err != nil {
		fmt.Println(err)
		return
	}

	ctx := context.Background()
	e, err := rie.Start(ctx, rie.Settings{RIEPath: emulator, Binary: bootstrap})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer e.Close()
	_, err = e.Invoke(ctx, []byte(`{}`))
	fmt.Println(err)
}
