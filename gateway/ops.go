package gateway

import (
	"context"
	"fmt"

	"github.com/lee-engine/lee/cache"
	"github.com/lee-engine/lee/circuitbreaker"
	"github.com/lee-engine/lee/initialization"
	"github.com/lee-engine/lee/lambdaiface"
	"github.com/lee-engine/lee/metrics"
	"github.com/lee-engine/lee/security"
	"github.com/lee-engine/lee/singleton"
	"github.com/lee-engine/lee/utility"
)

// The operations behind the routes of route_table.go, one per route, each
// over its interface's built core.

// cacheGet returns the bare ErrNotFound on a miss: wrapping it would
// allocate on a path that must not.
func cacheGet(c *cache.Cache, _ context.Context, a Args) (any, error) {
	if v, ok := c.Get(a.Key); ok {
		return v, nil
	}
	return nil, ErrNotFound
}

func cacheSet(c *cache.Cache, _ context.Context, a Args) (any, error) {
	return nil, c.Set(a.Key, a.Value, a.Duration)
}

func cacheDelete(c *cache.Cache, _ context.Context, a Args) (any, error) {
	return nil, c.Delete(a.Key)
}

func cacheExists(c *cache.Cache, _ context.Context, a Args) (any, error) {
	return c.Exists(a.Key), nil
}

func cacheCleanup(c *cache.Cache, _ context.Context, _ Args) (any, error) {
	return c.RemoveExpired(), nil
}

func cacheClear(c *cache.Cache, _ context.Context, _ Args) (any, error) {
	c.Clear()
	return nil, nil
}

func logLine(l *logCore, ctx context.Context, a Args) (any, error) {
	l.write(ctx, a.Level, a.Text, a.Attrs)
	return nil, nil
}

func logEnabled(l *logCore, _ context.Context, a Args) (any, error) {
	return l.Enabled(a.Level), nil
}

func logCorrelate(l *logCore, _ context.Context, a Args) (any, error) {
	l.SetCorrelationID(security.SanitizeForLog(a.Key, correlationIDRunes))
	return nil, nil
}

func logStart(l *logCore, _ context.Context, a Args) (any, error) {
	l.StartInvocation(a.Key)
	return nil, nil
}

func logEnd(l *logCore, _ context.Context, _ Args) (any, error) {
	l.EndInvocation()
	return nil, nil
}

func securityValidate(s *securityCore, _ context.Context, a Args) (any, error) {
	return nil, security.ValidateEvent(a.Data, s.limits)
}

func securityCheckToken(_ *securityCore, _ context.Context, a Args) (any, error) {
	return nil, security.CheckTokenShape(a.Text)
}

// securityParseURL, like lambdaDecode, returns an untyped nil on failure:
// a typed nil pointer in an any would not compare equal to nil.
func securityParseURL(_ *securityCore, _ context.Context, a Args) (any, error) {
	u, err := security.ValidateBaseURL(a.Text)
	if err != nil {
		return nil, err
	}
	return u, nil
}

// metricsRecord picks Duration or Count by the metric's unit, so that
// HALatency can never be recorded as a counter by mistake.
func metricsRecord(r *metrics.Recorder, _ context.Context, a Args) (any, error) {
	if metrics.UnitOf(a.Key) == metrics.Milliseconds {
		return nil, r.Duration(a.Key, a.Duration)
	}
	return nil, r.Count(a.Key, a.Number)
}

func metricsFlush(r *metrics.Recorder, _ context.Context, _ Args) (any, error) {
	return nil, r.Flush()
}

func singletonReport(_ *singletonCore, _ context.Context, _ Args) (any, error) {
	m, err := singleton.ReadMemoryReport()
	if err != nil {
		return nil, fmt.Errorf("gateway: singleton memory report: %w", err)
	}
	return m, nil
}

// singletonOptimize sets the soft memory limit to a.Number of the sandbox
// (0: the share applied at construction).
func singletonOptimize(_ *singletonCore, _ context.Context, a Args) (any, error) {
	share := a.Number
	if share == 0 {
		share = memoryShare
	}
	limit, err := singleton.SetSoftMemoryLimit(share)
	if err != nil {
		return nil, fmt.Errorf("gateway: singleton optimize: %w", err)
	}
	return limit, nil
}

func httpRequest(g *Gateway, ctx context.Context, a Args) (any, error) {
	if a.Request == nil {
		return nil, fmt.Errorf("%w: httpclient REQUEST needs Args.Request", ErrBadArgs)
	}
	return g.callHomeAssistant(ctx, a.Request)
}

func utilityNewID(_ *utilityCore, _ context.Context, _ Args) (any, error) {
	return utility.NewMessageID(), nil
}

func utilityLookup(_ *utilityCore, _ context.Context, a Args) (any, error) {
	if v, ok := utility.Lookup(a.Data, a.Key); ok {
		return v, nil
	}
	return nil, fmt.Errorf("%w: JSON path %q", ErrNotFound, a.Key)
}

func initSnapshot(t *initialization.Tracker, _ context.Context, _ Args) (any, error) {
	return t.Snapshot(), nil
}

func initInvocation(t *initialization.Tracker, _ context.Context, _ Args) (any, error) {
	return t.Invocation(), nil
}

// lambdaErrorResponse answers the *Directive in a.Value (nil allowed: the
// answer then has no correlation token) with error type a.Key.
func lambdaErrorResponse(_ *lambdaCore, _ context.Context, a Args) (any, error) {
	d, ok := a.Value.(*lambdaiface.Directive)
	if !ok && a.Value != nil {
		return nil, fmt.Errorf("%w: lambdaiface CREATE needs a *Directive in Args.Value, not %T", ErrBadArgs, a.Value)
	}
	return lambdaiface.NewErrorResponse(d, utility.NewMessageID(), lambdaiface.ErrorType(a.Key), a.Text), nil
}

func lambdaIsAlexa(_ *lambdaCore, _ context.Context, a Args) (any, error) {
	return lambdaiface.IsAlexaMessage(a.Data), nil
}

func lambdaClassify(_ *lambdaCore, _ context.Context, a Args) (any, error) {
	k, err := lambdaiface.Classify(a.Data)
	if err != nil {
		return nil, err
	}
	return k, nil
}

func lambdaDecode(_ *lambdaCore, _ context.Context, a Args) (any, error) {
	d, err := lambdaiface.DecodeDirective(a.Data)
	if err != nil {
		return nil, err
	}
	return d, nil
}

func breakerState(r *circuitbreaker.Registry, _ context.Context, a Args) (any, error) {
	if a.Key == "" {
		return nil, fmt.Errorf("%w: circuitbreaker GET needs a breaker name in Args.Key", ErrBadArgs)
	}
	return r.Get(a.Key).State().String(), nil
}

func breakerExecute(r *circuitbreaker.Registry, _ context.Context, a Args) (any, error) {
	if a.Key == "" || a.Fn == nil {
		return nil, fmt.Errorf("%w: circuitbreaker EXECUTE needs Args.Key and Args.Fn", ErrBadArgs)
	}
	return nil, r.Get(a.Key).Execute(a.Fn)
}

func configGet(c *configCore, _ context.Context, a Args) (any, error) {
	if v, ok := c.get(a.Key); ok {
		return v, nil
	}
	return nil, fmt.Errorf("%w: configuration variable %q is unset, unknown or secret", ErrNotFound, a.Key)
}
