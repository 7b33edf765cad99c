package demo

import (
	"context"

	"github.com/lee-engine/lee/tools/harness"
)

// BuildBootstrap compiles the function module in functionDir into out as
// `make bootstrap` does, for the host's architecture so that the result can
// run here (see harness.BuildBootstrap).
func BuildBootstrap(ctx context.Context, functionDir, out string) error {
	return harness.BuildBootstrap(ctx, functionDir, out, "")
}
