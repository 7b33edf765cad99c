package gateway

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

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

// The stateless interfaces still get a core value, so that "constructed",
// its construction time and its fast-path registration mean the same for
// all eleven.
type (
	securityCore  struct{ limits security.Limits }
	singletonCore struct{}
	utilityCore   struct{}
	lambdaCore    struct{}
	configCore    struct {
		cfg    *config.Config
		haURL  string
		params *config.ParameterStore
	}
)

// memoryShare is the part of the Lambda's memory given to the Go runtime as
// a soft limit, leaving room for what the runtime does not count.
const memoryShare = 0.9

// HABreaker is the name of the circuit breaker around Home Assistant.
const HABreaker = "home_assistant"

func (g *Gateway) cacheCore() (*cache.Cache, error) { return g.cache.get(g.buildCache) }

func (g *Gateway) buildCache() (*cache.Cache, error) {
	t := g.cfg.Tier.Settings()
	c, err := cache.New(cache.Settings{MaxEntries: t.CacheMaxEntries, DefaultTTL: t.CacheTTL})
	if err != nil {
		return nil, fmt.Errorf("gateway: construct cache: %w", err)
	}
	g.registerHot(Cache, c)
	return c, nil
}

// logCore is the gateway's logger core.
type logCore struct {
	*logging.Logger
}

func (g *Gateway) loggerCore() (*logCore, error) { return g.logger.get(g.buildLogger) }

// buildLogger makes the logger with the fallback token and the extra
// header values as secrets for the process's life. A bad LOG_LEVEL is a
// *config.VarError, as at init.
func (g *Gateway) buildLogger() (*logCore, error) {
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
	l := &logCore{
		Logger: logging.New(logging.Settings{
			Level:                 level,
			MaxLinesPerInvocation: g.cfg.Tier.Settings().LogLineCap,
			Writer:                g.opts.Stdout,
			Secrets:               secrets,
			MaxValueRunes:         g.cfg.Tier.Settings().LogValueRunes,
		}),
	}
	g.registerHot(Logging, l)
	return l, nil
}

func (g *Gateway) securityCore() (*securityCore, error) { return g.security.get(g.buildSecurity) }

// buildSecurity fixes the limits every inbound event is held to: Lambda
// accepts 6 MB, but a directive is a few KiB.
func (g *Gateway) buildSecurity() (*securityCore, error) {
	s := &securityCore{limits: security.Limits{MaxBytes: security.DefaultMaxBytes, MaxDepth: security.DefaultMaxDepth}}
	g.registerHot(Security, s)
	return s, nil
}

func (g *Gateway) metricsCore() (*metrics.Recorder, error) { return g.metrics.get(g.buildMetrics) }

// buildMetrics makes the recorder of the tier's metric set, with the one
// FunctionName dimension the deploy dashboard expects.
func (g *Gateway) buildMetrics() (*metrics.Recorder, error) {
	names := metrics.All
	if g.cfg.Tier.Settings().MetricSet == config.MetricSetEssential {
		names = metrics.Essential
	}
	r, err := metrics.New(metrics.Settings{
		Dimensions: map[string]string{metrics.FunctionNameKey: g.opts.FunctionName},
		Names:      names,
		Writer:     g.opts.Stdout,
		Disabled:   !g.cfg.MetricsEnabled,
	})
	if err != nil {
		return nil, fmt.Errorf("gateway: construct metrics: %w", err)
	}
	g.registerHot(Metrics, r)
	return r, nil
}

func (g *Gateway) singletonCore() (*singletonCore, error) { return g.single.get(g.buildSingleton) }

// buildSingleton gives the Go runtime a soft memory limit below the
// sandbox's size when running in Lambda; elsewhere it changes nothing.
func (g *Gateway) buildSingleton() (*singletonCore, error) {
	if _, err := singleton.MemorySizeMB(); errors.Is(err, singleton.ErrNoMemorySize) {
		return &singletonCore{}, nil
	}
	if _, err := singleton.SetSoftMemoryLimit(memoryShare); err != nil {
		return nil, fmt.Errorf("gateway: construct singleton: %w", err)
	}
	return &singletonCore{}, nil
}

func (g *Gateway) httpCore() (*httpclient.Client, error) { return g.http.get(g.buildHTTP) }

// buildHTTP makes the Gateway's own client (not httpclient.Shared): the
// Gateway is its only user and keeps it for the process's life, and a
// Gateway dropped by a test or a tool takes its client with it.
func (g *Gateway) buildHTTP() (*httpclient.Client, error) {
	l, err := g.loggerCore()
	if err != nil {
		return nil, err
	}
	c, err := httpclient.New(httpclient.Settings{
		TLSFiles:           g.tlsFiles, // read once, by New
		InsecureSkipVerify: !g.cfg.VerifyTLS,
		Headers:            g.cfg.Headers,
		UserAgent:          g.opts.UserAgent,
		DNSServer:          g.cfg.DNSServer,
		Logger:             l.Slog(),
	})
	if err != nil {
		return nil, fmt.Errorf("gateway: construct httpclient: %w", err)
	}
	return c, nil
}

func (g *Gateway) utilityCore() (*utilityCore, error) { return g.utility.get(g.buildUtility) }

func (g *Gateway) buildUtility() (*utilityCore, error) {
	u := &utilityCore{}
	g.registerHot(Utility, u)
	return u, nil
}

func (g *Gateway) initCore() (*initialization.Tracker, error) { return g.init.get(g.buildInit) }

// buildInit adopts the process's tracker: cold and warm starts belong to the
// process, not to one Gateway.
func (g *Gateway) buildInit() (*initialization.Tracker, error) { return initialization.Default, nil }

func (g *Gateway) lambdaCore() (*lambdaCore, error) { return g.lambda.get(g.buildLambda) }

func (g *Gateway) buildLambda() (*lambdaCore, error) { return &lambdaCore{}, nil }

func (g *Gateway) breakerCore() (*circuitbreaker.Registry, error) {
	return g.breakers.get(g.buildBreakers)
}

// buildBreakers makes the registry whose breakers follow the tier.
func (g *Gateway) buildBreakers() (*circuitbreaker.Registry, error) {
	t := g.cfg.Tier.Settings()
	r := circuitbreaker.NewRegistry(circuitbreaker.Settings{
		FailureThreshold:    t.BreakerFailureThreshold,
		OpenTimeout:         t.BreakerOpenTimeout,
		HalfOpenMaxRequests: t.BreakerHalfOpenRequests,
		OnStateChange:       g.breakerChanged,
	})
	g.registerHot(CircuitBreaker, r)
	return r, nil
}

func (g *Gateway) configCore() (*configCore, error) { return g.conf.get(g.buildConfig) }

// buildConfig prepares the parameter store; it builds no AWS client, which
// waits for the first read of HA_TOKEN_PARAMETER.
func (g *Gateway) buildConfig() (*configCore, error) {
	return &configCore{cfg: g.cfg, haURL: g.base, params: config.NewParameterStore(config.StoreSettings{
		TTL:       g.cfg.Tier.Settings().SecretTTL,
		NewClient: g.opts.NewParameterClient,
	})}, nil
}

// breakerChanged logs every state change of a breaker: a change to OPEN is
// what an operator looks for when Alexa says "device not responding".
func (g *Gateway) breakerChanged(name string, from, to circuitbreaker.State) {
	if l := g.logger.loaded(); l != nil {
		l.Warn(context.Background(), "circuit breaker changed state",
			slog.String("breaker", name), slog.String("from", from.String()), slog.String("to", to.String()))
	}
}
