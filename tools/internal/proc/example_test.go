//go:build unix

package proc_test

import (
	"fmt"
	"os"
	"os/exec"
	"time"

	"github.com/lee-engine/lee/tools/internal/proc"
)

// ExampleStart runs a child in its own process group, passes its output on
// to stdout while keeping a copy, and stops it.
func ExampleStart() {
	out := proc.NewOutput(os.Stdout)
	cmd := exec.Command("/bin/sh", "-c", "echo hello from the child")
	cmd.Stdout = out
	p, err := proc.Start(cmd)
	if err != nil {
		fmt.Println(err)
		return
	}
	<-p.Exited()
	if err := p.Stop(time.Second); err != nil {
		fmt.Println(err)
	}
	fmt.Printf("kept %d bytes, exit code %d\n", len(out.Bytes()), p.State().ExitCode())
	// Output:
	// hello from the child
	// kept 21 bytes, exit code 0
}
