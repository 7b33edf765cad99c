package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/lee-engine/lee/tools/hasim/hasimcmd"
)

func init() {
	register("ha-sim", "run the Home Assistant simulator until SIGINT or SIGTERM", runHASim)
}

func runHASim(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return hasimcmd.Run(ctx, args, stdout, stderr)
}
