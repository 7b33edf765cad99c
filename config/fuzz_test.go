package config

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// maskSecret replaces every visible ASCII byte of a secret with 'x' and
// keeps all other bytes, so the masked secret passes or fails each check
// exactly as the original does. An error that differs between the two
// would depend on the secret's content, that is, reveal some of it.
func maskSecret(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 0x21 && c <= 0x7e {
			b[i] = 'x'
		}
	}
	return string(b)
}

type fuzzEnv struct {
	url, token, verify, notVerify, headerValue, timeout, tier, level, debug, preload, metrics, dns, param string
	alias                                                                                                 bool
}

func (f fuzzEnv) vars(token, headerValue string) map[string]string {
	headers, _ := json.Marshal(map[string]string{"X-Api-Key": headerValue})
	tokenVar := VarToken
	if f.alias {
		tokenVar = VarLongLivedToken
	}
	vars := map[string]string{
		VarHAURL: f.url, tokenVar: token, VarVerifyTLS: f.verify, VarNotVerifySSL: f.notVerify,
		VarHeaders: string(headers), VarTimeout: f.timeout, VarTier: f.tier, VarLogLevel: f.level,
		VarDebug: f.debug, VarPreload: f.preload, VarMetrics: f.metrics, VarDNSServer: f.dns, VarTokenParameter: f.param,
	}
	if headerValue == "" {
		delete(vars, VarHeaders)
	}
	return vars
}

func FuzzLoad(f *testing.F) {
	f.Add("https://ha.example.com:8123", "eyJhbGciOiJIUzI1NiJ9.e30.sig", false, "", "", "cf-secret", "", "", "", "", "", "", "", "")
	f.Add("http://10.0.0.2:8123/", "Bearer tok", true, "yes", "yes", "a\r\nb", "abc", "gold", "verbose", "maybe", "cach", "x", "1.2.3.4", "bad name")
	f.Add("BASE", "tok\x00en", false, "true", "false", "v", "7.5", "MAXIMUM", "DEBUG", "true", "all", "off", "[::1]:53", "/lee/t")
	f.Add("ftp://x", strings.Repeat("t", 9000), false, "0", "", "", "8s", "minimum", "", "", "cache,,metrics", "emf", "h:0", "")
	f.Add("https://u:p@h/?q#f", "  spaced\n", true, "no", "1", "\u00e9\x7f", "NaN", " ", "warn", "no", "ALL,x", "EMF", ":53", "arn:aws:ssm:x")
	f.Fuzz(func(t *testing.T, url, token string, alias bool, verify, notVerify, headerValue, timeout, tier, level,
		debug, preload, metrics, dns, param string) {
		in := fuzzEnv{url: url, token: token, alias: alias, verify: verify, notVerify: notVerify, headerValue: headerValue,
			timeout: timeout, tier: tier, level: level, debug: debug, preload: preload, metrics: metrics, dns: dns, param: param}
		c, err := Load(envMap(in.vars(token, headerValue)))
		_, maskedErr := Load(envMap(in.vars(maskSecret(token), maskSecret(headerValue))))
		if (err == nil) != (maskedErr == nil) || (err != nil && err.Error() != maskedErr.Error()) {
			t.Fatalf("error depends on a secret's content:\n%v\n%v", err, maskedErr)
		}
		if err != nil {
			if _, ok := err.(*VarError); !ok {
				t.Fatalf("error %v is not a *VarError", err)
			}
			if secret := strings.TrimSpace(token); len(secret) >= 6 && strings.Contains(err.Error(), secret) &&
				!strings.Contains(maskedErr.Error(), secret) {
				t.Fatalf("error %q contains the token", err)
			}
			return
		}
		checkLoaded(t, c)
	})
}

// checkLoaded asserts what every successfully loaded Config satisfies.
func checkLoaded(t *testing.T, c *Config) {
	t.Helper()
	switch {
	case c.HAURL == "":
		t.Fatal("loaded without a URL")
	case c.Timeout <= 0 || c.Timeout >= MaxTimeout:
		t.Fatalf("timeout %v out of range", c.Timeout)
	case !c.Tier.Valid():
		t.Fatalf("tier %q invalid", c.Tier)
	case !slices.Contains([]string{"debug", "info", "warn", "error"}, c.LogLevel):
		t.Fatalf("log level %q invalid", c.LogLevel)
	}
	for _, name := range c.Preload {
		if !slices.Contains(InterfaceNames, name) {
			t.Fatalf("preload %q unknown", name)
		}
	}
}
