package gateway

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"

	"github.com/lee-engine/lee/cache"
	"github.com/lee-engine/lee/circuitbreaker"
	"github.com/lee-engine/lee/config"
	"github.com/lee-engine/lee/httpclient"
	"github.com/lee-engine/lee/initialization"
	"github.com/lee-engine/lee/metrics"
	"github.com/lee-engine/lee/security"
)

// Options adjusts how a Gateway meets the outside world. The zero value is
// what the Lambda uses.
//
// Stdout receives the JSON log lines and the EMF metric lines. Zero value
// (nil): os.Stdout, where Lambda collects both.
//
// FunctionName is the value of the metrics' FunctionName dimension. Zero
// value (""): AWS_LAMBDA_FUNCTION_NAME, or "lee" when that is unset.
//
// UserAgent is the User-Agent sent to Home Assistant. Zero value (""):
// "LEE/" followed by the gateway's Version.
//
// NewParameterClient builds the Parameter Store client that reads
// HA_TOKEN_PARAMETER; tests pass a fake. Zero value (nil): the config
// module's default client over the Lambda environment's credentials, built
// on the first read only, so a function without HA_TOKEN_PARAMETER never
// pays for it.
type Options struct {
	Stdout             io.Writer
	FunctionName       string
	UserAgent          string
	NewParameterClient func(ctx context.Context) (config.ParameterClient, error)
}

// Gateway is the single entry point from the function to the interface
// modules. Each interface's core is built on first use, exactly once (or at
// Load for the interfaces LEE_PRELOAD names), and a failed construction is
// retried by the next call. A Gateway is safe for concurrent use.
type Gateway struct {
	cfg  *config.Config
	opts Options
	base string // HA_URL normalized, without a trailing slash
	// smartHomeURL and skillURL are base joined with the two Alexa paths,
	// built once so that a relay builds no URL string.
	smartHomeURL, skillURL string
	// tlsFiles is HA_CA_FILE and the client pair as read by New; nil when
	// none is set.
	tlsFiles *httpclient.TLSFiles

	cache    lazy[cache.Cache]
	logger   lazy[logCore]
	security lazy[securityCore]
	metrics  lazy[metrics.Recorder]
	single   lazy[singletonCore]
	http     lazy[httpclient.Client]
	utility  lazy[utilityCore]
	init     lazy[initialization.Tracker]
	lambda   lazy[lambdaCore]
	breakers lazy[circuitbreaker.Registry]
	conf     lazy[configCore]

	fast    fastTable
	fastOff atomic.Bool // every Execute takes the generic route (benchmarks)
	calls   [numInterfaces]callCounts
}

// callCounts counts one interface's calls by the path they took.
type callCounts struct {
	fast, generic atomic.Uint64
}

// New returns a Gateway over cfg. It checks Home Assistant's URL with
// security.ValidateBaseURL and reads and parses the TLS files (HA_CA_FILE,
// HA_CLIENT_CERT_FILE, HA_CLIENT_KEY_FILE) once, for the HTTP client to use
// later; an error is a *config.VarError naming the variable. It constructs
// nothing else: every core is built when first used. cfg must not
// be changed afterwards. A Config built by hand may leave LogLevel empty
// (info) and Tier empty (standard).
func New(cfg *Configuration, opts Options) (*Gateway, error) {
	if cfg == nil {
		return nil, errors.New("gateway: new: nil config")
	}
	u, err := security.ValidateBaseURL(cfg.HAURL)
	if err != nil {
		return nil, &config.VarError{Var: config.VarHAURL, Reason: err.Error()}
	}
	if opts.Stdout == nil {
		opts.Stdout = os.Stdout
	}
	if opts.FunctionName == "" {
		opts.FunctionName = os.Getenv("AWS_LAMBDA_FUNCTION_NAME")
	}
	if opts.FunctionName == "" {
		opts.FunctionName = "lee"
	}
	if opts.UserAgent == "" {
		opts.UserAgent = "LEE/" + Version
	}
	files, err := readTLSFiles(cfg)
	if err != nil {
		return nil, err
	}
	base := strings.TrimRight(u.String(), "/")
	return &Gateway{
		cfg:          cfg,
		opts:         opts,
		base:         base,
		smartHomeURL: base + SmartHomePath,
		skillURL:     base + CustomSkillPath,
		tlsFiles:     files,
	}, nil
}

// Load reads the configuration from the environment, creates the Gateway and
// constructs the interfaces LEE_PRELOAD names. Every error names the
// environment variable at fault, so the function can print it as its one
// line before exiting.
func Load(opts Options) (*Gateway, error) {
	cfg, err := config.FromEnvironment()
	if err != nil {
		return nil, err
	}
	return FromConfig(cfg, opts)
}

// FromConfig is Load with a configuration already read: New, then the
// preload of cfg.Preload.
func FromConfig(cfg *Configuration, opts Options) (*Gateway, error) {
	g, err := New(cfg, opts)
	if err != nil {
		return nil, err
	}
	ifaces, err := ParsePreload(strings.Join(cfg.Preload, ","))
	if err != nil {
		return nil, err
	}
	if err := g.Preload(ifaces...); err != nil {
		return nil, err
	}
	return g, nil
}

// Config returns the configuration the Gateway was made with. It holds
// secrets; its String method hides them.
func (g *Gateway) Config() *Configuration { return g.cfg }

// SetFastPath switches the fast-path table on (the default) or off. With it
// off every Execute takes the generic route, which benchmarks compare.
func (g *Gateway) SetFastPath(on bool) { g.fastOff.Store(!on) }

// Close releases what the Gateway keeps open between invocations: the idle
// connections to Home Assistant. The Gateway stays usable. A Lambda never
// needs it; tests and tools call it before looking for leaked goroutines.
func (g *Gateway) Close() {
	if c := g.http.loaded(); c != nil {
		c.CloseIdleConnections()
	}
}

// String describes the Gateway without its configuration's secrets.
func (g *Gateway) String() string {
	return fmt.Sprintf("gateway %s (%d of %d interfaces constructed)", Version, g.Stats().Constructed, numInterfaces)
}

// GoString is String, so that %#v cannot print the configuration.
func (g *Gateway) GoString() string { return g.String() }
