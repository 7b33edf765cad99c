package cli_test

import (
	"fmt"
	"os"

	"github.com/lee-engine/lee/tools/internal/cli"
)

// ExampleError shows what a command prints for -h: its help on stdout.
func ExampleError() {
	fs := cli.NewFlagSet("lee greet", "lee greet [--name NAME]")
	fs.String("name", "world", "who to greet")
	if err := fs.Parse([]string{"-h"}); err != nil {
		fmt.Println("exit", cli.Error(fs, err, os.Stdout, os.Stderr))
	}
	// Output:
	// usage: lee greet [--name NAME]
	//   -name string
	//     	who to greet (default "world")
	// exit 0
}
