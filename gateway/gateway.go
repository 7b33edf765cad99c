package gateway

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/lee-engine/lee/config"
	"github.com/lee-engine/lee/httpclient"
	"github.com/lee-engine/lee/initialization"
	"github.com/lee-engine/lee/security"
	"github.com/lee-engine/lee/singleton"
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
//
// Cores hands in other implementations of the small interfaces the gateway
// uses; a nil field (the zero value) means the module's own core, built on
// first use.
type Options struct {
	Stdout             io.Writer
	FunctionName       string
	UserAgent          string
	NewParameterClient func(ctx context.Context) (ParameterClient, error)
	Cores              Cores
}

// Gateway is the single entry point from the function to the interface
// modules. It holds each interface's core in a singleton.Slot, built on
// first use exactly once (or at Load for the interfaces LEE_PRELOAD names);
// a failed construction is retried by the next call. Invoke runs each
// invocation through the dispatch table. A Gateway is safe for concurrent
// use, by several invocations at once.
type Gateway struct {
	cfg  *config.Config
	opts Options
	// smartHomeURL and skillURL are HA_URL joined with the two Alexa
	// paths, built once so that a relay builds no URL string.
	smartHomeURL, skillURL string
	// tlsFiles is HA_CA_FILE and the client pair as read by New; nil when
	// none is set.
	tlsFiles *httpclient.TLSFiles

	cores cores
	// tracker is the process's cold and warm start record: invocations
	// belong to the process, not to one Gateway.
	tracker *initialization.Tracker
	// builtAtInit is how many interfaces existed when init ended (zero
	// unless LEE_PRELOAD named some); the cold start line reports it.
	builtAtInit int
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
		smartHomeURL: base + SmartHomePath,
		skillURL:     base + CustomSkillPath,
		tracker:      initialization.Default,
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
// construction of the interfaces cfg.Preload names.
func FromConfig(cfg *Configuration, opts Options) (*Gateway, error) {
	g, err := New(cfg, opts)
	if err != nil {
		return nil, err
	}
	for _, name := range cfg.Preload {
		if err := g.construct(name); err != nil {
			return nil, fmt.Errorf("gateway: preload %s: %w", name, err)
		}
	}
	return g, nil
}

// MarkInitDone records the end of the function's init phase on the
// process's tracker and how many interfaces were built by then. It builds
// nothing: with LEE_PRELOAD unset, init leaves every interface unbuilt.
func (g *Gateway) MarkInitDone() {
	g.builtAtInit = g.cores.constructed()
	g.tracker.Done()
}

// Config returns the configuration the Gateway was made with. It holds
// secrets; its String method hides them.
func (g *Gateway) Config() *Configuration { return g.cfg }

// Close releases what the Gateway keeps open between invocations: the idle
// connections to Home Assistant. The Gateway stays usable. A Lambda never
// needs it; tests and tools call it before looking for leaked goroutines.
func (g *Gateway) Close() {
	if c := g.cores.http.Loaded(); c != nil {
		(*c).CloseIdleConnections()
	}
}

// String describes the Gateway without its configuration's secrets.
func (g *Gateway) String() string {
	return fmt.Sprintf("gateway %s (%d of %d interfaces constructed)", Version, g.Stats().Constructed, len(config.InterfaceNames))
}

// GoString is String, so that %#v cannot print the configuration.
func (g *Gateway) GoString() string { return g.String() }

// slot aliases singleton.Slot for the cores' declarations.
type slot[T any] = singleton.Slot[T]
