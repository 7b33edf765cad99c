package config

import (
	"errors"
	"strings"
	"testing"
)

func TestLoadHeadersRefuses(t *testing.T) {
	const secret = "zq-secret-value-42"
	tests := []struct {
		name   string
		value  string
		wantIn string
	}{
		{"not JSON", "CF-Access-Client-Secret: " + secret, "JSON object"},
		{"array", `["` + secret + `"]`, "JSON object"},
		{"null", `null`, "JSON object"},
		{"string", `"` + secret + `"`, "JSON object"},
		{"truncated", `{"X-A":"` + secret, "X-A"},
		{"trailing data", `{"X-A":"` + secret + `"} {}`, "nothing after"},
		{"number value", `{"X-A":42}`, `header "X-A" must be a string`},
		{"object value", `{"X-A":{"v":"` + secret + `"}}`, `header "X-A" must be a string`},
		{"null value", `{"X-A":null}`, `header "X-A" must be a string`},
		{"space in name", `{"X A":"` + secret + `"}`, `"X A" is not a valid`},
		{"colon in name", `{"X-A:":"` + secret + `"}`, "not a valid"},
		{"empty name", `{"":"` + secret + `"}`, "not a valid"},
		{"CRLF in value", `{"X-A":"` + secret + `\r\nX-Evil: 1"}`, "line break"},
		{"LF in value", `{"X-A":"` + secret + `\n"}`, "line break"},
		{"NUL in value", `{"X-A":"` + secret + `\u0000"}`, "control character"},
		{"Authorization", `{"authorization":"Bearer ` + secret + `"}`, "set by LEE"},
		{"Host", `{"HOST":"` + secret + `"}`, "set by LEE"},
		{"Content-Length", `{"Content-Length":"1"}`, "set by LEE"},
		{"Idempotency-Key", `{"Idempotency-Key":"` + secret + `"}`, `"Idempotency-Key" would let`},
		{"idempotency-key", `{"X-A":"1","idempotency-key":"` + secret + `"}`, `"idempotency-key" would let`},
		{"X-Idempotency-Key", `{"X-IDEMPOTENCY-KEY":"` + secret + `"}`, `"X-IDEMPOTENCY-KEY" would let`},
		{"duplicate", `{"X-A":"1","X-A":"` + secret + `"}`, "twice"},
		{"duplicate case", `{"X-A":"1","x-a":"` + secret + `"}`, "twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(envMap(with(minimal, VarHeaders, tt.value)))
			var ve *VarError
			if !errors.As(err, &ve) || ve.Var != VarHeaders {
				t.Fatalf("Load() = %v; want an HA_HEADERS *VarError", err)
			}
			if !strings.Contains(err.Error(), tt.wantIn) {
				t.Fatalf("error %q does not contain %q", err, tt.wantIn)
			}
			if strings.Contains(err.Error(), secret) {
				t.Fatalf("error %q echoes a header value", err)
			}
			if strings.ContainsAny(err.Error(), "\r\n") {
				t.Fatalf("error %q is not one line", err)
			}
		})
	}
}

func TestLoadHeadersAccepts(t *testing.T) {
	c, err := Load(envMap(with(minimal, VarHeaders, ` { "X-Tab" : "a\tb", "X-Empty": "", "X~Odd!#$": "ü" } `)))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Headers) != 3 || c.Headers["X-Tab"] != "a\tb" || c.Headers["X~Odd!#$"] != "ü" {
		t.Fatalf("Headers = %q", c.Headers)
	}
}
