package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

var minimal = map[string]string{VarHAURL: "https://ha.example.com:8123"}

func TestLoadDefaults(t *testing.T) {
	c, err := Load(envMap(minimal))
	if err != nil {
		t.Fatal(err)
	}
	want := &Config{
		HAURL:          "https://ha.example.com:8123",
		VerifyTLS:      true,
		Timeout:        7 * time.Second,
		Tier:           TierStandard,
		LogLevel:       "info",
		MetricsEnabled: true,
	}
	if !reflect.DeepEqual(c, want) {
		t.Fatalf("Load() = %#v\nwant %#v", *c, *want)
	}
}

// loadValueTests pairs an environment with a check of the Config it loads.
var loadValueTests = []struct {
	name  string
	env   map[string]string
	check func(*Config) bool
}{
	{"alias BASE_URL", map[string]string{VarBaseURL: "http://10.0.0.2:8123"},
		func(c *Config) bool { return c.HAURL == "http://10.0.0.2:8123" }},
	{"HA_URL wins over BASE_URL", with(minimal, VarBaseURL, "http://other:8123"),
		func(c *Config) bool { return c.HAURL == "https://ha.example.com:8123" }},
	{"blank HA_URL falls back to BASE_URL", map[string]string{VarHAURL: "  ", VarBaseURL: "http://b"},
		func(c *Config) bool { return c.HAURL == "http://b" }},
	{"URL trimmed", map[string]string{VarHAURL: " https://ha.example.com/\n"},
		func(c *Config) bool { return c.HAURL == "https://ha.example.com/" }},
	{"token", with(minimal, VarToken, "abc.def\n"), func(c *Config) bool { return c.Token == "abc.def" }},
	{"token alias", with(minimal, VarLongLivedToken, "lla"), func(c *Config) bool { return c.Token == "lla" }},
	{"HA_TOKEN wins", with(minimal, VarToken, "primary", VarLongLivedToken, "alias"),
		func(c *Config) bool { return c.Token == "primary" }},
	{"token parameter", with(minimal, VarTokenParameter, "/lee/ha-token"),
		func(c *Config) bool { return c.TokenParameter == "/lee/ha-token" }},
	{"token parameter ARN", with(minimal, VarTokenParameter, "arn:aws:ssm:eu-west-1:123456789012:parameter/lee/t"),
		func(c *Config) bool { return strings.HasPrefix(c.TokenParameter, "arn:") }},
	{"verify off", with(minimal, VarVerifyTLS, "no"), func(c *Config) bool { return !c.VerifyTLS }},
	{"verify on", with(minimal, VarVerifyTLS, "TRUE"), func(c *Config) bool { return c.VerifyTLS }},
	{"NOT_VERIFY_SSL inverted", with(minimal, VarNotVerifySSL, "1"), func(c *Config) bool { return !c.VerifyTLS }},
	{"NOT_VERIFY_SSL false", with(minimal, VarNotVerifySSL, "false"), func(c *Config) bool { return c.VerifyTLS }},
	{"agreeing pair", with(minimal, VarVerifyTLS, "false", VarNotVerifySSL, "yes"), func(c *Config) bool { return !c.VerifyTLS }},
	{"headers", with(minimal, VarHeaders, `{"CF-Access-Client-Id":"id.access","CF-Access-Client-Secret":"s3cr3t"}`),
		func(c *Config) bool {
			return reflect.DeepEqual(c.Headers, map[string]string{"CF-Access-Client-Id": "id.access", "CF-Access-Client-Secret": "s3cr3t"})
		}},
	{"empty headers object", with(minimal, VarHeaders, `{}`), func(c *Config) bool { return c.Headers == nil }},
	{"timeout duration", with(minimal, VarTimeout, "2500ms"), func(c *Config) bool { return c.Timeout == 2500*time.Millisecond }},
	{"timeout seconds", with(minimal, VarTimeout, "5"), func(c *Config) bool { return c.Timeout == 5*time.Second }},
	{"timeout fractional seconds", with(minimal, VarTimeout, "7.5"), func(c *Config) bool { return c.Timeout == 7500*time.Millisecond }},
	{"timeout just under 8s", with(minimal, VarTimeout, "7999ms"), func(c *Config) bool { return c.Timeout == 7999*time.Millisecond }},
	{"timeout at the minimum", with(minimal, VarTimeout, "100ms"), func(c *Config) bool { return c.Timeout == 100*time.Millisecond }},
	{"timeout at the minimum in seconds", with(minimal, VarTimeout, "0.1"), func(c *Config) bool { return c.Timeout == 100*time.Millisecond }},
	{"tier", with(minimal, VarTier, "Minimum"), func(c *Config) bool { return c.Tier == TierMinimum }},
	{"log level", with(minimal, VarLogLevel, "WARN"), func(c *Config) bool { return c.LogLevel == "warn" }},
	{"DEBUG alias", with(minimal, VarDebug, "true"), func(c *Config) bool { return c.LogLevel == "debug" }},
	{"DEBUG false", with(minimal, VarDebug, "false"), func(c *Config) bool { return c.LogLevel == "info" }},
	{"LOG_LEVEL wins over DEBUG", with(minimal, VarLogLevel, "error", VarDebug, "true"),
		func(c *Config) bool { return c.LogLevel == "error" }},
	{"preload list", with(minimal, VarPreload, " Metrics, cache,,cache "),
		func(c *Config) bool { return reflect.DeepEqual(c.Preload, []string{"cache", "metrics"}) }},
	{"preload all", with(minimal, VarPreload, "all"), func(c *Config) bool { return reflect.DeepEqual(c.Preload, InterfaceNames) }},
	{"preload all plus a name", with(minimal, VarPreload, "cache,ALL"),
		func(c *Config) bool { return reflect.DeepEqual(c.Preload, InterfaceNames) }},
	{"metrics off", with(minimal, VarMetrics, "off"), func(c *Config) bool { return !c.MetricsEnabled }},
	{"metrics emf", with(minimal, VarMetrics, "EMF"), func(c *Config) bool { return c.MetricsEnabled }},
	{"DNS server", with(minimal, VarDNSServer, "127.0.0.1:5353"), func(c *Config) bool { return c.DNSServer == "127.0.0.1:5353" }},
	{"DNS server IPv6", with(minimal, VarDNSServer, "[::1]:53"), func(c *Config) bool { return c.DNSServer == "[::1]:53" }},
}

func TestLoadValues(t *testing.T) {
	for _, tt := range loadValueTests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(envMap(tt.env))
			if err != nil {
				t.Fatalf("Load() = %v", err)
			}
			if !tt.check(c) {
				t.Fatalf("unexpected config %v", c)
			}
		})
	}
}

func TestLoadRefuses(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		wantVar string
		wantIn  string
	}{
		{"no URL", map[string]string{}, VarHAURL, "required"},
		{"blank URL", map[string]string{VarHAURL: " "}, VarHAURL, "required"},
		{"URL without scheme", map[string]string{VarHAURL: "ha.example.com:8123"}, VarHAURL, "http or https"},
		{"ftp URL", map[string]string{VarHAURL: "ftp://ha.example.com"}, VarHAURL, "http or https"},
		{"URL without host", map[string]string{VarHAURL: "http:///x"}, VarHAURL, "host"},
		{"bad alias URL", map[string]string{VarBaseURL: "nonsense"}, VarBaseURL, "http or https"},
		{"token with space", with(minimal, VarToken, "Bearer abc"), VarToken, "Bearer"},
		{"alias token with control", with(minimal, VarLongLivedToken, "abc\x00def"), VarLongLivedToken, "visible ASCII"},
		{"token too long", with(minimal, VarToken, strings.Repeat("a", 8193)), VarToken, "8192"},
		{"bad parameter name", with(minimal, VarTokenParameter, "my token"), VarTokenParameter, `"my token"`},
		{"bad verify", with(minimal, VarVerifyTLS, "maybe"), VarVerifyTLS, `got "maybe"`},
		{"bad NOT_VERIFY_SSL", with(minimal, VarNotVerifySSL, "False!"), VarNotVerifySSL, `got "False!"`},
		{"contradiction", with(minimal, VarVerifyTLS, "true", VarNotVerifySSL, "true"), VarVerifyTLS, VarNotVerifySSL},
		{"contradiction off", with(minimal, VarVerifyTLS, "0", VarNotVerifySSL, "no"), VarVerifyTLS, VarNotVerifySSL},
		{"timeout word", with(minimal, VarTimeout, "abc"), VarTimeout, `must be a duration like 5s, got "abc"`},
		{"timeout 8s", with(minimal, VarTimeout, "8s"), VarTimeout, "less than 8s"},
		{"timeout 8", with(minimal, VarTimeout, "8"), VarTimeout, "less than 8s"},
		{"timeout zero", with(minimal, VarTimeout, "0"), VarTimeout, "at least 100ms"},
		{"timeout negative", with(minimal, VarTimeout, "-1s"), VarTimeout, "at least 100ms"},
		{"timeout 1ns", with(minimal, VarTimeout, "1ns"), VarTimeout, "at least 100ms"},
		{"timeout 99ms", with(minimal, VarTimeout, "99ms"), VarTimeout, "at least 100ms"},
		{"timeout 0.05 seconds", with(minimal, VarTimeout, "0.05"), VarTimeout, "at least 100ms"},
		{"timeout NaN", with(minimal, VarTimeout, "NaN"), VarTimeout, "duration"},
		{"timeout huge", with(minimal, VarTimeout, "1e300"), VarTimeout, "less than 8s"},
		{"bad tier", with(minimal, VarTier, "gold"), VarTier, `got "gold"`},
		{"bad level", with(minimal, VarLogLevel, "verbose"), VarLogLevel, `got "verbose"`},
		{"bad DEBUG", with(minimal, VarDebug, "please"), VarDebug, `got "please"`},
		{"unknown preload", with(minimal, VarPreload, "cache,Cach"), VarPreload, `unknown interface "Cach"`},
		{"bad metrics", with(minimal, VarMetrics, "cloudwatch"), VarMetrics, `got "cloudwatch"`},
		{"DNS without port", with(minimal, VarDNSServer, "10.0.0.2"), VarDNSServer, "ip:port"},
		{"DNS bad port", with(minimal, VarDNSServer, "10.0.0.2:dns"), VarDNSServer, "ip:port"},
		{"DNS port zero", with(minimal, VarDNSServer, "10.0.0.2:0"), VarDNSServer, "ip:port"},
		{"DNS no host", with(minimal, VarDNSServer, ":53"), VarDNSServer, "ip:port"},
		{"DNS host name", with(minimal, VarDNSServer, "dns.example.net:53"), VarDNSServer, "not a host name"},
		{"DNS localhost", with(minimal, VarDNSServer, "localhost:53"), VarDNSServer, "not a host name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(envMap(tt.env))
			var ve *VarError
			if !errors.As(err, &ve) || c != nil {
				t.Fatalf("Load() = %v, %v; want a *VarError", c, err)
			}
			if ve.Var != tt.wantVar || !strings.Contains(err.Error(), tt.wantIn) {
				t.Fatalf("error %q: want variable %s and text %q", err, tt.wantVar, tt.wantIn)
			}
			if !strings.HasPrefix(err.Error(), "config: "+tt.wantVar+": ") {
				t.Fatalf("error %q does not start with the variable", err)
			}
		})
	}
}

func TestVarErrorFormat(t *testing.T) {
	_, err := Load(envMap(with(minimal, VarTimeout, "abc")))
	if got, want := err.Error(), `config: HA_TIMEOUT: must be a duration like 5s, got "abc"`; got != want {
		t.Fatalf("Error() = %q, want %q", got, want)
	}
	long := strings.Repeat("é", 100)
	_, err = Load(envMap(with(minimal, VarTier, long)))
	if strings.Contains(err.Error(), long) || !strings.HasSuffix(err.Error(), "…") {
		t.Fatalf("long value not shortened: %q", err)
	}
}

func TestLoadTLSFiles(t *testing.T) {
	dir := t.TempDir()
	ca, cert, key := filepath.Join(dir, "ca.pem"), filepath.Join(dir, "client.pem"), filepath.Join(dir, "client.key")
	for _, f := range []string{ca, cert, key} {
		if err := os.WriteFile(f, []byte("pem"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	missing := filepath.Join(dir, "missing.pem")
	c, err := Load(envMap(with(minimal, VarCAFile, ca, VarClientCertFile, cert, VarClientKeyFile, key)))
	if err != nil {
		t.Fatal(err)
	}
	if c.CAFile != ca || c.ClientCertFile != cert || c.ClientKeyFile != key {
		t.Fatalf("files not kept: %v", c)
	}
	tests := []struct {
		name    string
		env     map[string]string
		wantVar string
		wantIn  string
	}{
		{"missing CA", with(minimal, VarCAFile, missing), VarCAFile, "does not exist"},
		{"directory CA", with(minimal, VarCAFile, dir), VarCAFile, "directory"},
		{"cert without key", with(minimal, VarClientCertFile, cert), VarClientCertFile, VarClientKeyFile},
		{"key without cert", with(minimal, VarClientKeyFile, key), VarClientKeyFile, VarClientCertFile},
		{"missing key", with(minimal, VarClientCertFile, cert, VarClientKeyFile, missing), VarClientKeyFile, "does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(envMap(tt.env))
			var ve *VarError
			if !errors.As(err, &ve) || ve.Var != tt.wantVar || !strings.Contains(ve.Reason, tt.wantIn) {
				t.Fatalf("Load() = %v; want %s error containing %q", err, tt.wantVar, tt.wantIn)
			}
		})
	}
}

func TestLoadNilLookup(t *testing.T) {
	if _, err := Load(nil); err == nil {
		t.Fatal("Load(nil) succeeded")
	}
}

func TestFromEnvironment(t *testing.T) {
	for _, name := range []string{VarBaseURL, VarToken, VarLongLivedToken, VarTokenParameter, VarVerifyTLS,
		VarNotVerifySSL, VarCAFile, VarClientCertFile, VarClientKeyFile, VarHeaders, VarTimeout, VarLogLevel,
		VarDebug, VarPreload, VarMetrics, VarDNSServer} {
		t.Setenv(name, "")
	}
	t.Setenv(VarHAURL, "http://127.0.0.1:8123")
	t.Setenv(VarTier, "maximum")
	c, err := FromEnvironment()
	if err != nil {
		t.Fatal(err)
	}
	if c.HAURL != "http://127.0.0.1:8123" || c.Tier != TierMaximum {
		t.Fatalf("FromEnvironment() = %v", c)
	}
}
