package gateway

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/lee-engine/lee/lambdaiface"
	"github.com/lee-engine/lee/metrics"
	"github.com/lee-engine/lee/security"
)

// invocation is the gateway's per-invocation state. It travels in the
// invocation's context, beside the logger's, never in the Gateway: several
// invocations may run at once in one process (AWS_LAMBDA_MAX_CONCURRENCY >
// 1, Lambda Managed Instances).
type invocation struct {
	rec  Recorder // the invocation's metrics; nil when they cannot be built
	pool *recorderPool
	cold bool // the process's first invocation
}

// invocationKey is the context key of the invocation state.
type invocationKey struct{}

func invocationFrom(ctx context.Context) *invocation {
	inv, _ := ctx.Value(invocationKey{}).(*invocation)
	return inv
}

// begin starts an invocation: the logger's state (the Lambda request id on
// every line, a fresh line budget and secret set), the invocation's
// metrics, and whether it is the cold start (recorded by coldStart once the
// event's correlation id is known). It returns the invocation's context.
func (g *Gateway) begin(ctx context.Context) (context.Context, *invocation) {
	if l, err := g.loggerCore(); err == nil {
		ctx = l.Begin(ctx, lambdaiface.RequestID(ctx))
	}
	inv := &invocation{}
	if p, err := g.metricsCore(); err == nil {
		if r, err := p.take(); err == nil {
			inv.rec, inv.pool = r, p
		}
	}
	ctx = context.WithValue(ctx, invocationKey{}, inv)
	if t, err := g.initCore(); err == nil {
		inv.cold = t.Invocation()
	}
	return ctx, inv
}

// coldStart records the process's first invocation, if inv is it: one log
// line, the ColdStart metric and the soft memory limit.
func (g *Gateway) coldStart(ctx context.Context, inv *invocation) {
	if !inv.cold {
		return
	}
	inv.cold = false
	snap := g.InitSnapshot()
	g.LogInfo(ctx, "cold start",
		slog.Int("interfacesBuiltAtInit", g.builtAtInit),
		slog.Float64("initMs", float64(snap.InitDuration.Microseconds())/1e3))
	g.Count(ctx, metrics.ColdStart, 1)
	if _, err := g.memoryCore(); err != nil {
		g.LogWarn(ctx, "soft memory limit not set", slog.String("error", err.Error()))
	}
}

// end writes the invocation's metric line and, when the line cap dropped
// lines, the log's summary line.
func (g *Gateway) end(ctx context.Context, inv *invocation) {
	if inv.rec != nil {
		if err := inv.rec.Flush(); err != nil {
			g.LogWarn(ctx, "metrics flush failed", slog.String("error", err.Error()))
		}
		inv.pool.give(inv.rec)
	}
	if l := g.cores.logger.Loaded(); l != nil {
		(*l).End(ctx)
	}
}

// Count adds n to the counter name of the invocation ctx carries. A refused
// name (outside the tier's metric set) is counted by the recorder and
// dropped: metrics must never fail an invocation.
func (g *Gateway) Count(ctx context.Context, name string, n float64) {
	if inv := invocationFrom(ctx); inv != nil && inv.rec != nil {
		_ = inv.rec.Count(name, n)
	}
}

// duration adds one value to the duration metric name.
func (g *Gateway) duration(ctx context.Context, name string, d time.Duration) {
	if inv := invocationFrom(ctx); inv != nil && inv.rec != nil {
		_ = inv.rec.Duration(name, d)
	}
}

// Log writes one log line at level with the invocation ctx carries: its
// request id and correlation id, its line budget, its secrets redacted.
// When the logger cannot be built (a bad LOG_LEVEL, which Load refuses at
// init, so not expected) the message alone goes to standard error, without
// attributes, so that nothing secret can leak through this path.
func (g *Gateway) Log(ctx context.Context, level slog.Level, msg string, attrs ...slog.Attr) {
	l, err := g.loggerCore()
	if err != nil {
		fmt.Fprintf(os.Stderr, "lee: logger unavailable (%s); dropped line: %s\n",
			security.SanitizeForLog(err.Error(), 200), security.SanitizeForLog(msg, 200))
		return
	}
	l.Log(ctx, level, msg, attrs...)
}

// LogDebug writes one line at debug level.
func (g *Gateway) LogDebug(ctx context.Context, msg string, attrs ...slog.Attr) {
	g.Log(ctx, slog.LevelDebug, msg, attrs...)
}

// LogInfo writes one line at info level.
func (g *Gateway) LogInfo(ctx context.Context, msg string, attrs ...slog.Attr) {
	g.Log(ctx, slog.LevelInfo, msg, attrs...)
}

// LogWarn writes one line at warn level.
func (g *Gateway) LogWarn(ctx context.Context, msg string, attrs ...slog.Attr) {
	g.Log(ctx, slog.LevelWarn, msg, attrs...)
}

// LogError writes one line at error level.
func (g *Gateway) LogError(ctx context.Context, msg string, attrs ...slog.Attr) {
	g.Log(ctx, slog.LevelError, msg, attrs...)
}

// correlationIDRunes bounds the correlation id put on every log line: an
// Alexa messageId is 36 runes, anything much longer is not one.
const correlationIDRunes = 128

// correlate puts id, which comes from the event, on the invocation's
// following log lines, made safe for one line.
func (g *Gateway) correlate(ctx context.Context, id string) {
	if l, err := g.loggerCore(); err == nil && id != "" {
		l.SetCorrelationID(ctx, security.SanitizeForLog(id, correlationIDRunes))
	}
}

// InitSnapshot is the cold and warm start picture, for health answers.
func (g *Gateway) InitSnapshot() InitSnapshot {
	t, err := g.initCore()
	if err != nil {
		return InitSnapshot{}
	}
	return t.Snapshot()
}
