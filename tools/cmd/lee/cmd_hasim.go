package main

import (
	"io"

	"github.com/lee-engine/lee/tools/hasim/hasimcmd"
)

func init() {
	register("ha-sim", "run the Home Assistant simulator until SIGINT or SIGTERM", runHASim)
}

func runHASim(args []string, stdout, stderr io.Writer) int {
	ctx, stop := interruptContext()
	defer stop()
	return hasimcmd.Run(ctx, args, stdout, stderr)
}
