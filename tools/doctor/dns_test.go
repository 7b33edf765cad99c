package doctor_test

import (
	"net/netip"
	"net/url"
	"testing"

	"github.com/lee-engine/lee/tools/doctor"
	"github.com/lee-engine/lee/tools/fakedns"
	"github.com/lee-engine/lee/tools/hasim"
)

func startDNS(t *testing.T, records map[string]netip.Addr) *fakedns.Server {
	t.Helper()
	dns, err := fakedns.Start(fakedns.Settings{Records: records})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := dns.Close(); err != nil {
			t.Error(err)
		}
	})
	return dns
}

func TestDNSNoSuchHost(t *testing.T) {
	dns := startDNS(t, nil)
	rep, text := diagnose(t, doctor.Settings{URL: "https://missing.lee.test", Token: goodToken, DNSServer: dns.Addr()})
	r := result(t, rep, text, "dns", doctor.Fail)
	mentions(t, "finding", r.Finding, "missing.lee.test does not exist")
	mentions(t, "fix", r.Fix, "DNS record")
	if rep.Stopped != "dns" {
		t.Fatalf("stopped after %q, want dns", rep.Stopped)
	}
	if dns.Queries() == 0 {
		t.Fatal("the fake DNS server was never asked")
	}
	result(t, rep, text, "url", doctor.Pass)
}

// TestDNSResolvesThroughTheGivenServer reaches the simulator by a name only
// the fake DNS server knows.
func TestDNSResolvesThroughTheGivenServer(t *testing.T) {
	sim := startSim(t, hasim.Settings{})
	u, err := url.Parse(sim.URL())
	if err != nil {
		t.Fatal(err)
	}
	dns := startDNS(t, map[string]netip.Addr{"ha.lee.test": netip.MustParseAddr("127.0.0.1")})
	rep, text := diagnose(t, doctor.Settings{URL: "http://ha.lee.test:" + u.Port(), Token: goodToken, DNSServer: dns.Addr()})
	r := result(t, rep, text, "dns", doctor.Warn)
	mentions(t, "finding", r.Finding, "ha.lee.test", "127.0.0.1", "private")
	if !rep.OK() {
		t.Fatalf("the run failed:\n%s", text)
	}
	result(t, rep, text, "discovery", doctor.Pass)
}
