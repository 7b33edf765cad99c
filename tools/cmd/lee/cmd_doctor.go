package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/lee-engine/lee/tools/doctor"
	"github.com/lee-engine/lee/tools/internal/cli"
)

func init() {
	register("doctor", "check step by step that LEE can reach your Home Assistant, with the fix for each problem", runDoctor)
}

// runDoctor runs `lee doctor --url URL [--token-env NAME] [--headers-env
// NAME] [--ca-file FILE] [--timeout 8s] [--dns-server HOST:PORT] [--schema
// FILE]`. Exit 0 when no step fails, 1 when one does, 2 on bad arguments.
// Secrets come from the environment only, never from the command line.
func runDoctor(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlagSet("lee doctor", "lee doctor --url https://ha.example.com [--token-env HA_TOKEN] [--ca-file FILE] [--timeout 8s] [--dns-server HOST:PORT] [--headers-env HA_HEADERS] [--schema FILE]")
	url := fs.String("url", "", "Home Assistant's external base URL, as HA_URL holds it (required)")
	tokenEnv := fs.String("token-env", "HA_TOKEN", "environment variable holding a Home Assistant long-lived access token")
	headersEnv := fs.String("headers-env", "", "environment variable holding extra headers as a JSON object, as HA_HEADERS does")
	caFile := fs.String("ca-file", "", "PEM bundle of a private CA, as HA_CA_FILE names it")
	timeout := fs.Duration("timeout", doctor.DefaultTimeout, "limit of each network step and request")
	dnsServer := fs.String("dns-server", "", "host:port of the DNS server to resolve the host with (default: the system resolver)")
	schema := fs.String("schema", "", "Alexa Smart Home message schema for the Discovery answer (default: the one in Amazon's Alexa data at $LEE_ALEXA_DATA or ../shared/alexa beside the repository, when present)")
	if err := fs.Parse(args); err != nil {
		return cli.Error(fs, err, stdout, stderr)
	}
	switch {
	case fs.NArg() > 0:
		return cli.Usage(fs, stderr, fmt.Sprintf("unexpected argument %q", fs.Arg(0)))
	case *url == "":
		return cli.Usage(fs, stderr, "give Home Assistant's URL with --url")
	}
	headers, err := headersFromEnv(*headersEnv)
	if err != nil {
		fmt.Fprintf(stderr, "lee doctor: %v\n", err)
		return 2
	}
	schemaPath, _ := resolveSchema(*schema, "")
	ctx, stop := interruptContext()
	defer stop()
	report := doctor.Run(ctx, doctor.Settings{
		URL:         *url,
		Token:       os.Getenv(*tokenEnv),
		TokenSource: "$" + *tokenEnv,
		Headers:     headers,
		CAFile:      *caFile,
		DNSServer:   *dnsServer,
		Timeout:     *timeout,
		SchemaPath:  schemaPath,
	})
	if err := report.Write(stdout); err != nil {
		fmt.Fprintf(stderr, "lee doctor: %v\n", err)
		return 1
	}
	if !report.OK() {
		return 1
	}
	return 0
}

// headersFromEnv reads a JSON object of header names to values from the
// named variable; the value is secret and never quoted in errors.
func headersFromEnv(name string) (map[string]string, error) {
	if name == "" {
		return nil, nil
	}
	raw := os.Getenv(name)
	if raw == "" {
		return nil, fmt.Errorf("--headers-env: $%s is empty or unset", name)
	}
	var headers map[string]string
	if err := json.Unmarshal([]byte(raw), &headers); err != nil {
		return nil, fmt.Errorf("--headers-env: $%s must be a JSON object of header names to string values (value not shown)", name)
	}
	return headers, nil
}
