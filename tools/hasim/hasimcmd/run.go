package hasimcmd

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"strings"
	"syscall"

	"github.com/lee-engine/lee/tools/hasim"
	"github.com/lee-engine/lee/tools/internal/cli"
)

// DefaultAddr is Home Assistant's usual port, on the IPv4 loopback.
const DefaultAddr = "127.0.0.1:8123"

// options are the parsed flags.
type options struct {
	addr          string
	tokens        []string
	tls           bool
	caOut         string
	alexaDisabled bool
	faults        []hasim.Fault
	allowRemote   bool
	verbose       bool
}

// Run runs "lee ha-sim" with args (the arguments after the command name)
// until ctx ends. It prints one line on stdout, the base URL followed with
// --tls by the CA file's path, and returns the exit code: 0 after a clean
// stop, 1 when the server fails, 2 for bad arguments.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	opts, fs, err := parse(args)
	if err != nil {
		return cli.Error(fs, err, stdout, stderr)
	}
	level := slog.LevelInfo
	if opts.verbose {
		level = slog.LevelDebug
	}
	srv, err := hasim.Start(hasim.Settings{
		Tokens:        opts.tokens,
		AlexaDisabled: opts.alexaDisabled,
		SelfSignedTLS: opts.tls,
		Logger:        slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level})),
	}, opts.addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		fmt.Fprintf(stderr, "lee ha-sim: %v: another program listens on %s; pick a free port with --addr, e.g. --addr 127.0.0.1:0 for one chosen by the system\n", err, opts.addr)
		return 1
	}
	if err != nil {
		fmt.Fprintln(stderr, "lee ha-sim:", err)
		return 1
	}
	defer srv.Close()
	for _, f := range opts.faults {
		if err := srv.Inject(f); err != nil {
			fmt.Fprintln(stderr, "lee ha-sim:", err)
			return 2
		}
	}
	line := srv.URL()
	if opts.tls {
		path, cleanup, err := writeCA(opts.caOut, srv.CAPEM())
		if err != nil {
			fmt.Fprintln(stderr, "lee ha-sim:", err)
			return 1
		}
		defer cleanup()
		line += " " + path
	}
	fmt.Fprintln(stdout, line)
	<-ctx.Done()
	return 0
}

// parse reads the flags; the flag set is returned for the usage message.
func parse(args []string) (options, *flag.FlagSet, error) {
	var o options
	var tokenEnv []string
	fs := cli.NewFlagSet("lee ha-sim", "lee ha-sim [--addr host:port] --token T | --token-env NAME [--tls [--ca-out FILE]] [--alexa-disabled] [--fault JSON] [--allow-remote] [--verbose]")
	fs.StringVar(&o.addr, "addr", DefaultAddr, "address to listen on (loopback unless --allow-remote)")
	fs.Func("token", "accepted long-lived access token (repeatable)", func(v string) error {
		o.tokens = append(o.tokens, v)
		return nil
	})
	fs.Func("token-env", "name of an environment variable holding an accepted token (repeatable)", func(v string) error {
		tokenEnv = append(tokenEnv, v)
		return nil
	})
	fs.BoolVar(&o.tls, "tls", false, "serve HTTPS with a generated CA; its certificate path is printed after the URL")
	fs.StringVar(&o.caOut, "ca-out", "", "with --tls, where to write the CA certificate (default: a temporary file removed on exit)")
	fs.BoolVar(&o.alexaDisabled, "alexa-disabled", false, "simulate a Home Assistant without the alexa integration (404)")
	fs.Func("fault", `fault to inject at start, as JSON: {"kind":"status","status":503,"count":1} (repeatable)`, func(v string) error {
		f, err := hasim.ParseFaults([]byte(v))
		o.faults = append(o.faults, f...)
		return err
	})
	fs.BoolVar(&o.allowRemote, "allow-remote", false, "allow listening on a non-loopback address")
	fs.BoolVar(&o.verbose, "verbose", false, "log every request to stderr (never its token)")
	if err := fs.Parse(args); err != nil {
		return o, fs, err
	}
	o, err := o.check(fs, tokenEnv)
	return o, fs, err
}

// check completes and checks the options after the flags are parsed.
func (o options) check(fs *flag.FlagSet, tokenEnv []string) (options, error) {
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	for _, name := range tokenEnv {
		v := os.Getenv(name)
		if v == "" {
			return o, fmt.Errorf("--token-env: %s is empty or not set", name)
		}
		o.tokens = append(o.tokens, v)
	}
	if len(o.tokens) == 0 {
		return o, errors.New("no token: give --token or --token-env")
	}
	if o.caOut != "" && !o.tls {
		return o, errors.New("--ca-out needs --tls")
	}
	if !o.allowRemote {
		if err := checkLoopback(o.addr); err != nil {
			return o, err
		}
	}
	return o, nil
}

// checkLoopback refuses an address that is not on the loopback interface;
// an empty host means every interface, and a name other than localhost
// cannot be checked.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--addr %q: %w", addr, err)
	}
	if strings.EqualFold(host, "localhost") {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("--addr %q is not a loopback address; add --allow-remote to listen there", addr)
}

// writeCA writes the CA certificate to path, or to a new temporary file
// that cleanup removes.
func writeCA(path string, pem []byte) (string, func(), error) {
	if path != "" {
		if err := os.WriteFile(path, pem, 0o644); err != nil {
			return "", nil, fmt.Errorf("write CA certificate: %w", err)
		}
		return path, func() {}, nil
	}
	f, err := os.CreateTemp("", "lee-ha-sim-ca-*.pem")
	if err != nil {
		return "", nil, fmt.Errorf("write CA certificate: %w", err)
	}
	cleanup := func() { _ = os.Remove(f.Name()) }
	if _, err := f.Write(pem); err != nil {
		f.Close()
		cleanup()
		return "", nil, fmt.Errorf("write CA certificate: %w", err)
	}
	if err := f.Close(); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("write CA certificate: %w", err)
	}
	return f.Name(), cleanup, nil
}
