package gateway

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/lee-engine/lee/security"
)

// The typed convenience functions are the fast path for code that knows its
// types: one atomic load reaches the built core (building it on first use),
// then a direct call, with no Args and no table. Each counts as a fast call
// of its interface in Stats.

// CacheGet returns the cached value of key. A cache that cannot be built
// (only a tier with negative sizes could cause that) reads as a miss.
func (g *Gateway) CacheGet(key string) (any, bool) {
	g.calls[Cache].fast.Add(1)
	c, err := g.cacheCore()
	if err != nil {
		return nil, false
	}
	return c.Get(key)
}

// CacheSet stores v under key for ttl (0: the tier's default TTL).
func (g *Gateway) CacheSet(key string, v any, ttl time.Duration) error {
	g.calls[Cache].fast.Add(1)
	c, err := g.cacheCore()
	if err != nil {
		return err
	}
	return c.Set(key, v, ttl)
}

// CacheDelete removes key; a missing key is not an error.
func (g *Gateway) CacheDelete(key string) error {
	g.calls[Cache].fast.Add(1)
	c, err := g.cacheCore()
	if err != nil {
		return err
	}
	return c.Delete(key)
}

// Log writes one log line at level; values longer than the tier's
// LogValueRunes are cut. When the logger cannot be built (a bad LOG_LEVEL,
// which Load refuses at init, so not expected) the message alone goes to
// standard error, without attributes, so that nothing secret can leak
// through this path.
func (g *Gateway) Log(ctx context.Context, level slog.Level, msg string, attrs ...slog.Attr) {
	g.calls[Logging].fast.Add(1)
	l, err := g.loggerCore()
	if err != nil {
		fmt.Fprintf(os.Stderr, "lee: logger unavailable (%s); dropped line: %s\n",
			security.SanitizeForLog(err.Error(), 200), security.SanitizeForLog(msg, 200))
		return
	}
	l.write(ctx, level, msg, attrs)
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

// LogSecret registers v (the directive's bearer token) to be redacted from
// every log line until the next invocation begins.
func (g *Gateway) LogSecret(v string) {
	if l, err := g.loggerCore(); err == nil {
		l.AddSecret(v)
	}
}

// SetCorrelationID puts id (the Alexa messageId) on every following log
// line of the invocation, made safe for one line and cut to 128 runes since
// it comes from the event.
func (g *Gateway) SetCorrelationID(id string) {
	if l, err := g.loggerCore(); err == nil {
		l.SetCorrelationID(security.SanitizeForLog(id, correlationIDRunes))
	}
}

// RecordMetric adds n to the counter name. A refused name (outside the
// tier's metric set, or an eleventh name) is counted by the recorder and
// dropped: metrics must never fail an invocation.
func (g *Gateway) RecordMetric(name string, n float64) {
	g.calls[Metrics].fast.Add(1)
	g.count(name, n)
}

// RecordDuration adds one value to the duration metric name.
func (g *Gateway) RecordDuration(name string, d time.Duration) {
	g.calls[Metrics].fast.Add(1)
	g.duration(name, d)
}

// count and duration record without counting a call: the gateway's own
// metrics (HALatency, BreakerOpen) are not calls of the function.
func (g *Gateway) count(name string, n float64) {
	if r, err := g.metricsCore(); err == nil {
		_ = r.Count(name, n)
	}
}

func (g *Gateway) duration(name string, d time.Duration) {
	if r, err := g.metricsCore(); err == nil {
		_ = r.Duration(name, d)
	}
}

// ValidateRequest checks a raw event's size (256 KiB), JSON shape and
// nesting depth (32) before anything decodes it. Its error is a
// *security.ValidationError that never quotes the event.
func (g *Gateway) ValidateRequest(raw []byte) error {
	g.calls[Security].fast.Add(1)
	s, err := g.securityCore()
	if err != nil {
		return err
	}
	return security.ValidateEvent(raw, s.limits)
}

// HTTPDo is CallHomeAssistant under the name the original plan gave the
// typed HTTP function.
func (g *Gateway) HTTPDo(ctx context.Context, req HARequest) (*HAResult, error) {
	return g.CallHomeAssistant(ctx, req)
}

// BreakerExecute runs fn inside the named circuit breaker. When the breaker
// refuses, fn is not called and the error matches ErrBreakerOpen.
func (g *Gateway) BreakerExecute(name string, fn func() error) error {
	g.calls[CircuitBreaker].fast.Add(1)
	r, err := g.breakerCore()
	if err != nil {
		return err
	}
	return r.Get(name).Execute(fn)
}

// BreakerState is the state of the named breaker: "CLOSED", "HALF_OPEN" or
// "OPEN".
func (g *Gateway) BreakerState(name string) string {
	g.calls[CircuitBreaker].fast.Add(1)
	r, err := g.breakerCore()
	if err != nil {
		return "UNKNOWN"
	}
	return r.Get(name).State().String()
}

// ConfigGet returns a setting by its environment variable name (HA_URL,
// HA_TIMEOUT, LEE_TIER, ...). Secrets (HA_TOKEN, HA_HEADERS) and unset
// optional variables report false.
func (g *Gateway) ConfigGet(name string) (string, bool) {
	g.calls[Config].fast.Add(1)
	c, err := g.configCore()
	if err != nil {
		return "", false
	}
	return c.get(name)
}
