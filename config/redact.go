package config

import (
	"fmt"
	"log/slog"
	"net/url"
	"slices"
	"strings"
)

// The redacted views below use value receivers on purpose: then both a
// Config and a *Config print redacted, so fmt.Printf("%v", *cfg) cannot
// leak the token either.

// String renders c for humans with secrets replaced by "set" or "unset"
// and header values left out.
func (c Config) String() string {
	return "config.Config" + c.body()
}

// GoString renders c for %#v with the same redaction as String.
func (c Config) GoString() string {
	return "&config.Config" + c.body()
}

// LogValue renders c for log/slog as a group with the same redaction as
// String.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("ha_url", redactURL(c.HAURL)),
		slog.String("token", setOrUnset(c.Token)),
		slog.String("token_parameter", c.TokenParameter),
		slog.Bool("verify_tls", c.VerifyTLS),
		slog.String("ca_file", c.CAFile),
		slog.String("client_cert_file", c.ClientCertFile),
		slog.String("client_key_file", c.ClientKeyFile),
		slog.Any("headers", c.headerNames()),
		slog.Duration("timeout", c.Timeout),
		slog.String("tier", string(c.Tier)),
		slog.String("log_level", c.LogLevel),
		slog.Any("preload", c.Preload),
		slog.Bool("metrics_enabled", c.MetricsEnabled),
		slog.String("dns_server", c.DNSServer),
	)
}

func (c Config) body() string {
	return fmt.Sprintf("{HAURL: %q, Token: %s, TokenParameter: %q, VerifyTLS: %t, CAFile: %q, "+
		"ClientCertFile: %q, ClientKeyFile: %q, Headers: %v, Timeout: %s, Tier: %q, LogLevel: %q, "+
		"Preload: %q, MetricsEnabled: %t, DNSServer: %q}",
		redactURL(c.HAURL), setOrUnset(c.Token), c.TokenParameter, c.VerifyTLS, c.CAFile,
		c.ClientCertFile, c.ClientKeyFile, c.headerNames(), c.Timeout, c.Tier, c.LogLevel,
		c.Preload, c.MetricsEnabled, c.DNSServer)
}

// headerNames lists the configured header names, sorted, without values.
func (c Config) headerNames() []string {
	names := make([]string, 0, len(c.Headers))
	for name := range c.Headers {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

func setOrUnset(secret string) string {
	if secret == "" {
		return "unset"
	}
	return "set"
}

// redactURL hides what a URL may carry besides where it points: the
// password of userinfo, the query and the fragment.
func redactURL(raw string) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Opaque != "" {
		return "(malformed URL, not shown)"
	}
	if u.RawQuery != "" || u.ForceQuery {
		u.RawQuery = "redacted"
	}
	u.Fragment, u.RawFragment = "", ""
	return u.Redacted()
}
