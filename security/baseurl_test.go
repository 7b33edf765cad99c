package security

import (
	"errors"
	"strings"
	"testing"
)

func TestValidateBaseURL(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		want string
	}{
		{name: "https with port", raw: "https://ha.example.com:8123", want: "https://ha.example.com:8123"},
		{name: "trailing slash trimmed", raw: "https://ha.example.com/", want: "https://ha.example.com"},
		{name: "path kept", raw: "https://proxy.example.com/home-assistant/", want: "https://proxy.example.com/home-assistant"},
		{name: "several trailing slashes", raw: "http://10.0.0.2:8123/ha//", want: "http://10.0.0.2:8123/ha"},
		{name: "case normalized", raw: "HTTPS://HA.Example.COM", want: "https://ha.example.com"},
		{name: "surrounding space", raw: "  http://homeassistant.local:8123 \n", want: "http://homeassistant.local:8123"},
		{name: "IPv6", raw: "http://[::1]:8123", want: "http://[::1]:8123"},
		{name: "escaped path", raw: "https://h.example/a%20b/", want: "https://h.example/a%20b"},
		{name: "encoded slash", raw: "https://h.example/a%2Fb/", want: "https://h.example/a%2Fb"},
		{name: "path merely containing api", raw: "https://h.example/api-gateway/ha", want: "https://h.example/api-gateway/ha"},
		{name: "path ending in a word ending in api", raw: "https://h.example/rapi", want: "https://h.example/rapi"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := ValidateBaseURL(tt.raw)
			if err != nil {
				t.Fatalf("ValidateBaseURL(%q) = %v", tt.raw, err)
			}
			if got := u.String(); got != tt.want {
				t.Fatalf("ValidateBaseURL(%q) = %q, want %q", tt.raw, got, tt.want)
			}
			if got := u.JoinPath("api", "alexa").String(); got != tt.want+"/api/alexa" {
				t.Fatalf("joined path = %q, want %q", got, tt.want+"/api/alexa")
			}
		})
	}
}

func TestValidateBaseURLRefuses(t *testing.T) {
	tests := []struct {
		name string
		raw  string
	}{
		{name: "empty", raw: ""},
		{name: "blank", raw: "   "},
		{name: "no scheme", raw: "ha.example.com:8123"},
		{name: "ftp", raw: "ftp://ha.example.com"},
		{name: "javascript", raw: "javascript:alert(1)"},
		{name: "opaque", raw: "http:ha.example.com"},
		{name: "no host", raw: "http:///api"},
		{name: "port only", raw: "http://:8123"},
		{name: "user", raw: "https://admin@ha.example.com"},
		{name: "password", raw: "https://admin:hunter2secret@ha.example.com"},
		{name: "query", raw: "https://ha.example.com/?token=abc"},
		{name: "empty query", raw: "https://ha.example.com/?"},
		{name: "fragment", raw: "https://ha.example.com/#x"},
		{name: "empty fragment", raw: "https://ha.example.com/#"},
		{name: "port zero", raw: "https://ha.example.com:0"},
		{name: "port too big", raw: "https://ha.example.com:65536"},
		{name: "empty port", raw: "https://ha.example.com:"},
		{name: "bad port", raw: "https://ha.example.com:http"},
		{name: "bad escape", raw: "https://ha.example.com/%zz"},
		{name: "control char", raw: "https://ha.example.com/\x7f"},
		{name: "space in host", raw: "https://ha example.com"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := ValidateBaseURL(tt.raw)
			var ve *ValidationError
			if !errors.As(err, &ve) || !errors.Is(err, ErrBadURL) || ve.Field != "url" {
				t.Fatalf("ValidateBaseURL(%q) = %v, %v; want a url *ValidationError wrapping ErrBadURL", tt.raw, u, err)
			}
			if u != nil {
				t.Fatalf("ValidateBaseURL(%q) returned a URL with its error", tt.raw)
			}
		})
	}
}

func TestValidateBaseURLErrorHidesSecrets(t *testing.T) {
	secrets := []string{"hunter2secret", "tok3nvalue"}
	inputs := []string{
		"https://admin:hunter2secret@ha.example.com",
		"https://admin:hunter2secret@ha.example.com/%zz",
		"https://admin:hunter2secret@ha.example.com:99999",
		"ftp://admin:hunter2secret@ha.example.com",
		"https://ha.example.com/?access_token=tok3nvalue",
		"https://ha.example.com/#tok3nvalue",
	}
	for _, in := range inputs {
		_, err := ValidateBaseURL(in)
		if err == nil {
			t.Fatalf("ValidateBaseURL(%q) accepted", in)
		}
		for _, s := range secrets {
			if strings.Contains(err.Error(), s) {
				t.Fatalf("error %q echoes a secret of the URL", err)
			}
		}
	}
}

// TestValidateBaseURLRefusesAPIPaths: a base URL copied with Home Assistant's
// /api (haaska's habit) or the whole Alexa path is refused with the fix,
// and nothing of the URL but the fixed suffix is quoted.
func TestValidateBaseURLRefusesAPIPaths(t *testing.T) {
	tests := []struct {
		raw    string
		suffix string
	}{
		{"https://ha.example.com/api", "/api"},
		{"https://ha.example.com/api/", "/api"},
		{"https://ha.example.com:8123/API", "/api"},
		{"https://proxy.example.com/home-assistant/api//", "/api"},
		{"https://ha.example.com/api/alexa", "/api/alexa"},
		{"https://ha.example.com/api/alexa/smart_home", "/api/alexa/smart_home"},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			u, err := ValidateBaseURL(tt.raw)
			if u != nil || !errors.Is(err, ErrBadURL) {
				t.Fatalf("ValidateBaseURL(%q) = %v, %v; want ErrBadURL", tt.raw, u, err)
			}
			want := "field url: ends in " + tt.suffix + ": give Home Assistant's base URL without it, like https://ha.example.com (LEE adds /api/alexa/smart_home itself)"
			if err.Error() != want {
				t.Fatalf("error %q, want %q", err, want)
			}
		})
	}
}
