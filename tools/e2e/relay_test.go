package e2e

import (
	"bytes"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/fakedns"
	"github.com/lee-engine/lee/tools/harness"
	"github.com/lee-engine/lee/tools/hasim"
	"github.com/lee-engine/lee/tools/internal/alexatest"
)

// relayed is a directive sent through the function.
type relayed struct {
	name    string
	request []byte
}

// TestFixturesRelayed sends every directive of the project's fixtures, one
// per interface the relay handles, through one function process: each
// answer is the simulator's answer byte for byte, valid, with the
// directive's correlationToken, and the simulator saw the directive with
// the directive's own token.
func TestFixturesRelayed(t *testing.T) {
	t.Parallel()
	var directives []relayed
	for _, name := range alexatest.Directives() {
		directives = append(directives, relayed{name, sample(t, name)})
	}
	if len(directives) < 11 {
		t.Fatalf("only %d fixture directives", len(directives))
	}
	checkRelayed(t, directives, hasim.Settings{})
}

// TestSamplesRelayed does the same with every request of Amazon's samples.
func TestSamplesRelayed(t *testing.T) {
	t.Parallel()
	dir := alexatest.SamplesDir(t)
	samples, err := harness.Samples(dir)
	if err != nil {
		t.Fatal(err)
	}
	reportState, err := harness.FindSample(dir, "ReportState")
	if err != nil {
		t.Fatal(err)
	}
	samples = append(samples, harness.Sample{Name: "ReportState", Path: reportState})
	if len(samples) < 12 {
		t.Fatalf("only %d sample requests found in %s", len(samples), dir)
	}
	var directives []relayed
	for _, s := range samples {
		req, err := os.ReadFile(s.Path)
		if err != nil {
			t.Fatal(err)
		}
		directives = append(directives, relayed{s.Name, req})
	}
	checkRelayed(t, directives, hasim.Settings{Tokens: []string{sampleToken, fallbackToken}})
}

// checkRelayed relays each directive through one function process in front
// of a simulator started with s, whose token 0 the directives carry.
func checkRelayed(t *testing.T, directives []relayed, s hasim.Settings) {
	sim := startSim(t, s)
	rec := startRecorder(t, sim.URL())
	rt := startFunction(t, "HA_URL="+rec.URL(), "HA_TOKEN="+fallbackToken)
	for _, r := range directives {
		t.Run(r.name, func(t *testing.T) {
			req := r.request
			d := decodeDirective(t, req)
			before := smartHomeRequests(sim)
			body := payload(t, invoke(t, rt, req))
			if got := smartHomeRequests(sim) - before; got != 1 {
				t.Fatalf("the simulator received %d requests, want 1", got)
			}
			if ha := rec.last("/api/alexa/smart_home"); !bytes.Equal(body, ha) {
				t.Errorf("the answer differs from Home Assistant's:\nfunction: %s\nHA:       %s", body, ha)
			}
			validate(t, req, body)
			if ev := decodeEvent(t, body); ev.Header.CorrelationToken != d.Header.CorrelationToken {
				t.Errorf("correlationToken %q, want %q", ev.Header.CorrelationToken, d.Header.CorrelationToken)
			}
			got := lastRequest(t, sim)
			if got.TokenIndex != 0 || got.Namespace != d.Header.Namespace || got.Name != d.Header.Name {
				t.Errorf("the simulator saw %s/%s with token %d, want %s/%s with the directive's token (0)",
					got.Namespace, got.Name, got.TokenIndex, d.Header.Namespace, d.Header.Name)
			}
		})
	}
}

// TestFallbackToken checks the configured token is used only when the
// directive carries none, under both its names.
func TestFallbackToken(t *testing.T) {
	t.Parallel()
	turnOn := sample(t, "PowerController.TurnOn")
	discovery := sample(t, "Discovery.Discover")
	grant := sample(t, "Authorization.AcceptGrant")
	tests := []struct {
		name      string
		tokenVar  string
		request   []byte
		wantIndex int
		want      string
	}{
		{"directive token wins over HA_TOKEN", "HA_TOKEN", turnOn, 0, "Alexa/Response"},
		{"endpoint without scope uses HA_TOKEN", "HA_TOKEN", edit(t, turnOn, withoutToken), 1, "Alexa/Response"},
		{"discovery without scope uses HA_TOKEN", "HA_TOKEN", edit(t, discovery, withoutToken), 1, "Alexa.Discovery/Discover.Response"},
		{"grantee token wins over HA_TOKEN", "HA_TOKEN", grant, 0, "Alexa.Authorization/AcceptGrant.Response"},
		{"alias LONG_LIVED_ACCESS_TOKEN", "LONG_LIVED_ACCESS_TOKEN", edit(t, turnOn, withoutToken), 1, "Alexa/Response"},
		{"alias, directive token wins", "LONG_LIVED_ACCESS_TOKEN", turnOn, 0, "Alexa/Response"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			sim := startSim(t, hasim.Settings{})
			rt := startFunction(t, "HA_URL="+sim.URL(), tc.tokenVar+"="+fallbackToken)
			body := payload(t, invoke(t, rt, tc.request))
			ns, name, _ := strings.Cut(tc.want, "/")
			wantAnswer(t, tc.request, body, ns, name)
			if got := lastRequest(t, sim); !got.TokenMatched || got.TokenIndex != tc.wantIndex {
				t.Errorf("the simulator matched token %d (matched=%v), want %d", got.TokenIndex, got.TokenMatched, tc.wantIndex)
			}
		})
	}
}

// TestRelayPaths relays a TurnOn over each way of reaching Home Assistant
// the configuration offers; the failure rows of TestErrorTable are the same
// paths broken, so these show the breakage is what fails them.
func TestRelayPaths(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		tls  bool
		env  func(t *testing.T, sim *hasim.Server) []string
	}{
		{"BASE_URL alias", false, func(t *testing.T, sim *hasim.Server) []string {
			return []string{"BASE_URL=" + sim.URL()}
		}},
		{"host name through LEE_DNS_SERVER", false, func(t *testing.T, sim *hasim.Server) []string {
			dns := startDNS(t, map[string]netip.Addr{"homeassistant.lee.test": netip.MustParseAddr("127.0.0.1")})
			u, err := url.Parse(sim.URL())
			if err != nil {
				t.Fatal(err)
			}
			return []string{"HA_URL=http://homeassistant.lee.test:" + u.Port(), "LEE_DNS_SERVER=" + dns.Addr()}
		}},
		{"https with HA_CA_FILE", true, func(t *testing.T, sim *hasim.Server) []string {
			ca := filepath.Join(t.TempDir(), "ca.pem")
			if err := os.WriteFile(ca, sim.CAPEM(), 0o600); err != nil {
				t.Fatal(err)
			}
			return []string{"HA_URL=" + sim.URL(), "HA_CA_FILE=" + ca}
		}},
		{"https with HA_VERIFY_TLS=false", true, func(t *testing.T, sim *hasim.Server) []string {
			return []string{"HA_URL=" + sim.URL(), "HA_VERIFY_TLS=false"}
		}},
		{"https with NOT_VERIFY_SSL=true", true, func(t *testing.T, sim *hasim.Server) []string {
			return []string{"HA_URL=" + sim.URL(), "NOT_VERIFY_SSL=true"}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			sim := startSim(t, hasim.Settings{SelfSignedTLS: tc.tls})
			rt := startFunction(t, tc.env(t, sim)...)
			req := sample(t, "PowerController.TurnOn")
			wantAnswer(t, req, payload(t, invoke(t, rt, req)), "Alexa", "Response")
			if n := smartHomeRequests(sim); n != 1 {
				t.Errorf("the simulator received %d requests, want 1", n)
			}
		})
	}
}

// startDNS starts a fake DNS server on 127.0.0.1 with records.
func startDNS(t *testing.T, records map[string]netip.Addr) *fakedns.Server {
	t.Helper()
	dns, err := fakedns.Start(fakedns.Settings{Records: records})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = dns.Close() })
	return dns
}
