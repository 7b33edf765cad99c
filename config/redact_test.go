package config

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

func TestConfigRedaction(t *testing.T) {
	const token, headerSecret, urlSecret, querySecret = "tok-3x4mpl3-secret", "hdr-secret-value", "pw-secret", "qs-secret"
	c := &Config{
		HAURL:   "https://admin:" + urlSecret + "@ha.example.com:8123/?access_token=" + querySecret,
		Token:   token,
		Headers: map[string]string{"CF-Access-Client-Secret": headerSecret, "CF-Access-Client-Id": "id"},
		Tier:    TierStandard,
	}
	var logged bytes.Buffer
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("loaded", "config", c)
	var loggedValue bytes.Buffer
	slog.New(slog.NewTextHandler(&loggedValue, nil)).Info("loaded", "config", *c)
	renders := map[string]string{
		"String":       c.String(),
		"%v pointer":   fmt.Sprintf("%v", c),
		"%+v pointer":  fmt.Sprintf("%+v", c),
		"%#v pointer":  fmt.Sprintf("%#v", c),
		"%v value":     fmt.Sprintf("%v", *c),
		"%+v value":    fmt.Sprintf("%+v", *c),
		"%#v value":    fmt.Sprintf("%#v", *c),
		"%s value":     fmt.Sprintf("%s", *c),
		"slog JSON":    logged.String(),
		"slog text":    loggedValue.String(),
		"Sprint slice": fmt.Sprint([]*Config{c}),
	}
	for name, out := range renders {
		t.Run(name, func(t *testing.T) {
			for _, secret := range []string{token, headerSecret, urlSecret, querySecret} {
				if strings.Contains(out, secret) {
					t.Fatalf("%s leaks a secret: %s", name, out)
				}
			}
			for _, shown := range []string{"set", "CF-Access-Client-Secret", "ha.example.com"} {
				if !strings.Contains(out, shown) {
					t.Fatalf("%s does not show %q: %s", name, shown, out)
				}
			}
		})
	}
}

func TestConfigStringUnsetToken(t *testing.T) {
	out := Config{HAURL: "http://ha.local:8123"}.String()
	if !strings.Contains(out, "Token: unset") || !strings.Contains(out, `HAURL: "http://ha.local:8123"`) {
		t.Fatalf("String() = %s", out)
	}
	if got := (Config{HAURL: "http:admin:pw-secret"}).String(); strings.Contains(got, "pw-secret") {
		t.Fatalf("opaque URL leaks: %s", got)
	}
}
