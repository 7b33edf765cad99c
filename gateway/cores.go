package gateway

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/lee-engine/lee/cache"
	"github.com/lee-engine/lee/circuitbreaker"
	"github.com/lee-engine/lee/config"
	"github.com/lee-engine/lee/httpclient"
	"github.com/lee-engine/lee/initialization"
	"github.com/lee-engine/lee/logging"
	"github.com/lee-engine/lee/metrics"
	"github.com/lee-engine/lee/security"
	"github.com/lee-engine/lee/singleton"
)

// The small interfaces below are what the gateway uses of each interface
// module, a few methods each. The module's core satisfies its interface;
// Options.Cores can hand in another (tests do). utility and lambdaiface
// hold no state, so they are reached through plain functions instead.

// Cache is what the gateway uses of the cache module: the store of the
// fallback token read from Parameter Store.
type Cache interface {
	Get(key string) (any, bool)
	Set(key string, value any, ttl time.Duration) error
}

// Logger is what it uses of logging. Per-invocation state lives in the
// context Begin returns; Slog is the same path for the modules that take a
// *slog.Logger (httpclient).
type Logger interface {
	Begin(ctx context.Context, requestID string) context.Context
	End(ctx context.Context)
	SetCorrelationID(ctx context.Context, id string)
	AddSecret(ctx context.Context, v string)
	Log(ctx context.Context, level slog.Level, msg string, attrs ...slog.Attr)
	Slog() *slog.Logger
}

// EventChecker is what it uses of security: the bounds every inbound event
// is held to before it is decoded.
type EventChecker interface {
	CheckEvent(raw []byte) error
}

// Recorder is what it uses of metrics, one per invocation: the metrics of
// an invocation are written as one line when it ends.
type Recorder interface {
	Count(name string, n float64) error
	Duration(name string, d time.Duration) error
	Flush() error
}

// HTTPClient is what it uses of httpclient: requests to Home Assistant.
type HTTPClient interface {
	Do(ctx context.Context, r httpclient.Request) (*httpclient.Response, error)
	CloseIdleConnections()
}

// Tracker is what it uses of initialization: the cold and warm start
// record of the process.
type Tracker interface {
	Invocation() (cold bool)
	Snapshot() initialization.Snapshot
}

// Breaker is what it uses of circuitbreaker: the breaker around Home
// Assistant.
type Breaker interface {
	Execute(fn func() error) error
	State() circuitbreaker.State
}

// ParameterStore is what it uses of config beyond the configuration
// itself: the read of HA_TOKEN_PARAMETER.
type ParameterStore interface {
	Get(ctx context.Context, name string) (string, error)
}

// Cores holds implementations handed in through Options.Cores; a nil field
// means the module's own core. NewRecorder gives each invocation its
// Recorder.
type Cores struct {
	Cache       Cache
	Logger      Logger
	Events      EventChecker
	NewRecorder func() (Recorder, error)
	HTTP        HTTPClient
	Tracker     Tracker
	Breaker     Breaker
	Parameters  ParameterStore
}

// cores holds each interface's core in a singleton.Slot: built on first
// use, exactly once, retried after a failure, timed for Stats.
type cores struct {
	cache    slot[Cache]
	logger   slot[Logger]
	security slot[EventChecker]
	metrics  slot[recorderPool]
	memory   slot[int64] // singleton: the soft memory limit set for the process
	http     slot[HTTPClient]
	init     slot[Tracker]
	breaker  slot[Breaker]
	params   slot[ParameterStore]
}

// constructed counts the cores built so far. It is Stats' count without
// the rest of Stats, which MarkInitDone would otherwise build in main,
// before the first event.
func (c *cores) constructed() int {
	n := 0
	for _, built := range [...]bool{
		c.cache.Loaded() != nil, c.logger.Loaded() != nil, c.security.Loaded() != nil,
		c.metrics.Loaded() != nil, c.memory.Loaded() != nil, c.http.Loaded() != nil,
		c.init.Loaded() != nil, c.breaker.Loaded() != nil, c.params.Loaded() != nil,
	} {
		if built {
			n++
		}
	}
	return n
}

// memoryShare is the part of the Lambda's memory given to the Go runtime as
// a soft limit, leaving room for what the runtime does not count.
const memoryShare = 0.9

// HABreaker is the name of the circuit breaker around Home Assistant.
const HABreaker = "home_assistant"

// tokenCacheEntries bounds the cache: it holds the fallback token, and a
// second while HA_TOKEN_PARAMETER is being renamed.
const tokenCacheEntries = 8

// get returns the value a slot holds, building it on first use.
func get[T any](s *slot[T], build func() (T, error)) (T, error) {
	p, err := s.Get(func() (*T, error) {
		v, err := build()
		if err != nil {
			return nil, err
		}
		return &v, nil
	})
	if err != nil {
		var zero T
		return zero, err
	}
	return *p, nil
}

func (g *Gateway) cacheCore() (Cache, error) {
	return get(&g.cores.cache, func() (Cache, error) {
		if c := g.opts.Cores.Cache; c != nil {
			return c, nil
		}
		c, err := cache.New(cache.Settings{MaxEntries: tokenCacheEntries, DefaultTTL: g.cfg.Tier.Settings().SecretTTL})
		if err != nil {
			return nil, fmt.Errorf("gateway: construct cache: %w", err)
		}
		return c, nil
	})
}

// loggerCore makes the logger with the fallback token and the extra header
// values as secrets for the process's life. A bad LOG_LEVEL is a
// *config.VarError, as at init.
func (g *Gateway) loggerCore() (Logger, error) {
	return get(&g.cores.logger, func() (Logger, error) {
		if l := g.opts.Cores.Logger; l != nil {
			return l, nil
		}
		level := slog.LevelInfo
		if g.cfg.LogLevel != "" {
			var err error
			if level, err = logging.ParseLevel(g.cfg.LogLevel); err != nil {
				return nil, &config.VarError{Var: config.VarLogLevel, Reason: fmt.Sprintf("want debug, info, warn or error, got %q", g.cfg.LogLevel)}
			}
		}
		secrets := make([]string, 0, 1+len(g.cfg.Headers))
		if g.cfg.Token != "" {
			secrets = append(secrets, g.cfg.Token)
		}
		for _, v := range g.cfg.Headers {
			secrets = append(secrets, v)
		}
		t := g.cfg.Tier.Settings()
		return logging.New(logging.Settings{
			Level:                 level,
			MaxLinesPerInvocation: t.LogLineCap,
			Writer:                g.opts.Stdout,
			Secrets:               secrets,
			MaxValueRunes:         t.LogValueRunes,
		}), nil
	})
}

// securityCore fixes the limits every inbound event is held to: Lambda
// accepts 6 MB, but a directive is a few KiB.
func (g *Gateway) securityCore() (EventChecker, error) {
	return get(&g.cores.security, func() (EventChecker, error) {
		if e := g.opts.Cores.Events; e != nil {
			return e, nil
		}
		return security.Limits{MaxBytes: security.DefaultMaxBytes, MaxDepth: security.DefaultMaxDepth}, nil
	})
}

// recorderPool gives each invocation a Recorder and takes it back, flushed,
// when the invocation ends, so that concurrent invocations never share one
// and a warm process reuses them.
type recorderPool struct {
	pool sync.Pool
	make func() (Recorder, error)
}

func (p *recorderPool) take() (Recorder, error) {
	if r, ok := p.pool.Get().(Recorder); ok {
		return r, nil
	}
	return p.make()
}

func (p *recorderPool) give(r Recorder) { p.pool.Put(r) }

// metricsCore checks the tier's metric settings once, by building the first
// Recorder, and keeps the pool the invocations draw from.
func (g *Gateway) metricsCore() (*recorderPool, error) {
	p, err := g.cores.metrics.Get(func() (*recorderPool, error) {
		p := &recorderPool{make: g.opts.Cores.NewRecorder}
		if p.make == nil {
			p.make = g.newRecorder
		}
		first, err := p.make()
		if err != nil {
			return nil, fmt.Errorf("gateway: construct metrics: %w", err)
		}
		p.give(first)
		return p, nil
	})
	return p, err
}

// newRecorder makes a recorder of the tier's metric set, with the one
// FunctionName dimension the deploy dashboard expects.
func (g *Gateway) newRecorder() (Recorder, error) {
	names := metrics.All
	if g.cfg.Tier.Settings().MetricSet == config.MetricSetEssential {
		names = metrics.Essential
	}
	return metrics.New(metrics.Settings{
		Dimensions: map[string]string{metrics.FunctionNameKey: g.opts.FunctionName},
		Names:      names,
		Writer:     g.opts.Stdout,
		Disabled:   !g.cfg.MetricsEnabled,
	})
}

// memoryCore gives the Go runtime a soft memory limit below the sandbox's
// size when running in Lambda (singleton.SetSoftMemoryLimit), so a multi-MB
// Discovery answer makes the collector work harder instead of the sandbox
// running out of memory. Outside Lambda it sets nothing and holds 0.
func (g *Gateway) memoryCore() (int64, error) {
	return get(&g.cores.memory, func() (int64, error) {
		if _, err := singleton.MemorySizeMB(); errors.Is(err, singleton.ErrNoMemorySize) {
			return 0, nil
		}
		limit, err := singleton.SetSoftMemoryLimit(memoryShare)
		if err != nil {
			return 0, fmt.Errorf("gateway: construct singleton: %w", err)
		}
		return limit, nil
	})
}

// httpCore makes the Gateway's own client (not httpclient.Shared): the
// Gateway is its only user and keeps it for the process's life, and a
// Gateway dropped by a test or a tool takes its client with it.
func (g *Gateway) httpCore() (HTTPClient, error) {
	return get(&g.cores.http, func() (HTTPClient, error) {
		if c := g.opts.Cores.HTTP; c != nil {
			return c, nil
		}
		l, err := g.loggerCore()
		if err != nil {
			return nil, err
		}
		c, err := httpclient.New(httpclient.Settings{
			Logger:             l.Slog(),
			TLSFiles:           g.tlsFiles, // read once, by New
			InsecureSkipVerify: !g.cfg.VerifyTLS,
			Headers:            g.cfg.Headers,
			UserAgent:          g.opts.UserAgent,
			DNSServer:          g.cfg.DNSServer,
		})
		if err != nil {
			return nil, fmt.Errorf("gateway: construct httpclient: %w", err)
		}
		return c, nil
	})
}

// initCore adopts the process's tracker: cold and warm starts belong to the
// process, not to one Gateway.
func (g *Gateway) initCore() (Tracker, error) {
	return get(&g.cores.init, func() (Tracker, error) {
		if t := g.opts.Cores.Tracker; t != nil {
			return t, nil
		}
		return g.tracker, nil
	})
}

// breakerCore makes the breaker around Home Assistant, tuned by the tier.
// Its state changes are logged: a change to OPEN is what an operator looks
// for when Alexa says "device not responding".
func (g *Gateway) breakerCore() (Breaker, error) {
	return get(&g.cores.breaker, func() (Breaker, error) {
		if b := g.opts.Cores.Breaker; b != nil {
			return b, nil
		}
		t := g.cfg.Tier.Settings()
		return circuitbreaker.New(circuitbreaker.Settings{
			Name:                HABreaker,
			FailureThreshold:    t.BreakerFailureThreshold,
			OpenTimeout:         t.BreakerOpenTimeout,
			HalfOpenMaxRequests: t.BreakerHalfOpenRequests,
			OnStateChange:       g.breakerChanged,
		}), nil
	})
}

// breakerChanged logs a state change. The change belongs to the process,
// not to the invocation that happened to notice it, so the line is written
// outside any invocation.
func (g *Gateway) breakerChanged(name string, from, to circuitbreaker.State) {
	if l := g.cores.logger.Loaded(); l != nil {
		(*l).Log(context.Background(), slog.LevelWarn, "circuit breaker changed state",
			slog.String("breaker", name), slog.String("from", from.String()), slog.String("to", to.String()))
	}
}

// paramsCore prepares the Parameter Store reader of HA_TOKEN_PARAMETER over
// the cache core; it builds no AWS client, which waits for the first read.
func (g *Gateway) paramsCore() (ParameterStore, error) {
	return get(&g.cores.params, func() (ParameterStore, error) {
		if p := g.opts.Cores.Parameters; p != nil {
			return p, nil
		}
		c, err := g.cacheCore()
		if err != nil {
			return nil, err
		}
		return config.NewParameterStore(config.StoreSettings{
			Cache:     c,
			TTL:       g.cfg.Tier.Settings().SecretTTL,
			NewClient: g.opts.NewParameterClient,
		}), nil
	})
}
