package doctor_test

import (
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/doctor"
	"github.com/lee-engine/lee/tools/internal/loopback"
)

func TestURLShape(t *testing.T) {
	dns := startDNS(t, nil)
	closed := loopback.ClosedAddr(t)
	tests := []struct {
		name    string
		url     string
		status  doctor.Status
		finding string
		hidden  string
	}{
		{"empty", "", doctor.Fail, "no URL given", ""},
		{"not http", "ftp://ha.lee.test", doctor.Fail, "not an http or https URL", ""},
		{"no host", "https://", doctor.Fail, "not an http or https URL", ""},
		{"user and password", "https://admin:hunter2@ha.lee.test", doctor.Fail, "user name or password", "hunter2"},
		{"query", "https://ha.lee.test/?token=x", doctor.Fail, "query or fragment", ""},
		{"fragment", "https://ha.lee.test/#/lovelace", doctor.Fail, "query or fragment", ""},
		{"bad port", "https://ha.lee.test:99999", doctor.Fail, "not a number from 1 to 65535", ""},
		{"API path", "https://ha.lee.test/api/alexa/smart_home", doctor.Fail, "already contains /api", ""},
		{"proxy path", "http://" + closed + "/homeassistant", doctor.Warn, "LEE will call /homeassistant/api/alexa/smart_home", ""},
		{"plain http", "http://" + closed, doctor.Warn, "plain http", ""},
		{"other port", "https://" + closed, doctor.Warn, "account linking only calls /auth/authorize and /auth/token on port 443", ""},
		{"https on 443", "https://ha.lee.test", doctor.Pass, "both LEE and Alexa account linking can use", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, text := diagnose(t, doctor.Settings{URL: tt.url, Token: goodToken, DNSServer: dns.Addr()})
			r := resultMentioning(t, rep, text, "url", tt.status, tt.finding)
			if tt.status == doctor.Fail && rep.Stopped != "url" {
				t.Errorf("stopped after %q, want url", rep.Stopped)
			}
			if tt.status != doctor.Pass && r.Fix == "" {
				t.Errorf("no fix for %s", r.Finding)
			}
			if tt.hidden != "" && strings.Contains(text, tt.hidden) {
				t.Errorf("the report shows %q:\n%s", tt.hidden, text)
			}
		})
	}
}

func TestToken(t *testing.T) {
	closed := loopback.ClosedAddr(t)
	tests := []struct {
		name    string
		token   string
		status  doctor.Status
		finding string
	}{
		{"unset", "", doctor.Fail, "$HA_TOKEN is empty or unset"},
		{"Bearer prefix", "Bearer " + goodToken, doctor.Fail, `starts with "Bearer "`},
		{"trailing line break", goodToken + "\n", doctor.Fail, "invisible characters"},
		{"not a JWT", "abcdef", doctor.Warn, "does not look like a Home Assistant access token"},
		{"good", goodToken, doctor.Pass, "$HA_TOKEN is set (not shown)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, text := diagnose(t, doctor.Settings{URL: "http://" + closed, Token: tt.token, TokenSource: "$HA_TOKEN"})
			r := result(t, rep, text, "token", tt.status)
			mentions(t, "finding", r.Finding, tt.finding)
			if rep.Stopped != "tcp" {
				t.Errorf("stopped after %q, want tcp: the network steps run whatever the token", rep.Stopped)
			}
		})
	}
}

// TestTokenFailureStopsBeforeHTTP checks that without a usable token the
// doctor does not call Home Assistant's API at all.
func TestTokenFailureStopsBeforeHTTP(t *testing.T) {
	sim := startSim(t, simSettings())
	rep, text := diagnose(t, doctor.Settings{URL: sim.URL(), TokenSource: "$HA_TOKEN"})
	if rep.Stopped != "token" || rep.OK() {
		t.Fatalf("want a failed run stopped at token:\n%s", text)
	}
	result(t, rep, text, "tcp", doctor.Pass)
	if n := sim.Count(""); n != 0 {
		t.Fatalf("Home Assistant got %d requests without a token", n)
	}
}
