package gateway

import (
	"context"
	"github.com/lee-engine/lee/initialization"
	"log/slog"

	"github.com/lee-engine/lee/metrics"
)

// BeginInvocation starts the per-invocation state: the log line cap, the
// request id on every line, the invocation count. It reports whether this
// is the process's cold start, and records the ColdStart metric then.
func (g *Gateway) BeginInvocation(ctx context.Context, requestID string) (cold bool) {
	if l, err := g.loggerCore(); err == nil {
		l.StartInvocation(requestID)
	}
	if t, err := g.initCore(); err == nil {
		cold = t.Invocation()
	}
	if cold {
		g.count(metrics.ColdStart, 1)
		// The first invocation sets the soft memory limit (a share of the
		// sandbox's memory), so a multi-MB Discovery answer makes the GC
		// work harder instead of the sandbox running out of memory.
		if _, err := g.singletonCore(); err != nil {
			g.LogWarn(ctx, "soft memory limit not set", slog.String("error", err.Error()))
		}
	}
	return cold
}

// EndInvocation writes the invocation's metric line and, when the line cap
// dropped lines, the log's summary line. It builds nothing: an invocation
// that recorded no metric writes no metric line.
func (g *Gateway) EndInvocation(ctx context.Context) {
	if r := g.metrics.loaded(); r != nil {
		if err := r.Flush(); err != nil {
			g.LogWarn(ctx, "metrics flush failed", slog.String("error", err.Error()))
		}
	}
	if l := g.logger.loaded(); l != nil {
		l.EndInvocation()
	}
}

// MarkInitDone records the end of the function's init phase on the
// process-wide tracker. It does not construct the Initialization core: with
// LEE_PRELOAD unset, init must leave every interface unbuilt.
func (g *Gateway) MarkInitDone() {
	initialization.Default.Done()
}

// InitSnapshot is the cold and warm start picture, for health answers.
func (g *Gateway) InitSnapshot() InitSnapshot {
	t, err := g.initCore()
	if err != nil {
		return InitSnapshot{}
	}
	return t.Snapshot()
}
