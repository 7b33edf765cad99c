package reliability

import (
	"crypto/tls"
	"net/netip"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lee-engine/lee/config"
	"github.com/lee-engine/lee/gateway"
	"github.com/lee-engine/lee/tools/fakedns"
	"github.com/lee-engine/lee/tools/harness"
	"github.com/lee-engine/lee/tools/hasim"
	"github.com/lee-engine/lee/tools/testpki"
)

// simCase is a failure the simulator produces on its own: a fault injected
// into one answer, with DESIGN.md's Alexa error for it. The matrix and the
// soak share them.
type simCase struct {
	name  string
	fault hasim.Fault
	want  gateway.ErrorType
}

// simCases are the simulator's failures, in the order of DESIGN.md's table.
func simCases() []simCase {
	const (
		auth        = gateway.InvalidAuthorizationCredential
		internal    = gateway.InternalError
		unreachable = gateway.BridgeUnreachable
	)
	status := func(code int) hasim.Fault { return hasim.Fault{Kind: hasim.KindStatus, Status: code} }
	return []simCase{
		{"401", status(401), auth},
		{"403", status(403), auth},
		{"404", status(404), internal},
		{"500", status(500), internal},
		{"502", status(502), unreachable},
		{"503", status(503), unreachable},
		{"504", status(504), unreachable},
		{"HTML 200", hasim.Fault{Kind: hasim.KindHTML, Page: "challenge"}, internal},
		{"truncated JSON", hasim.Fault{Kind: hasim.KindTruncated}, internal},
		{"invalid JSON", hasim.Fault{Kind: hasim.KindInvalidJSON}, internal},
		{"empty body", hasim.Fault{Kind: hasim.KindEmptyBody}, internal},
		{"non-Alexa JSON", hasim.Fault{Kind: hasim.KindNonAlexaJSON}, internal},
		{"body over the size limit", hasim.Fault{Kind: hasim.KindHuge}, internal},
		{"connection reset mid-body", hasim.Fault{Kind: hasim.KindReset}, unreachable},

		// An answer json.Valid accepts that is not valid UTF-8 is refused.
		{"valid JSON, not UTF-8", hasim.Fault{Kind: hasim.KindInvalidUTF8}, internal},
	}
}

// faultRows is the matrix: DESIGN.md's failure table, row by row.
func faultRows() []faultRow {
	var rows []faultRow
	for _, c := range simCases() {
		rows = append(rows, faultRow{name: c.name, want: c.want, setup: simFault(c.fault)})
	}
	rows = append(rows, transportRows()...)
	stall := hasim.Fault{Kind: hasim.KindDelay, Delay: time.Minute}
	unreachable := gateway.BridgeUnreachable
	return append(rows,
		faultRow{name: "delay beyond HA_TIMEOUT", want: unreachable, setup: simFault(stall, "HA_TIMEOUT=300ms")},
		faultRow{name: "delay beyond the Lambda deadline", want: unreachable, budget: 1500 * time.Millisecond,
			setup: simFault(stall)},
		faultRow{name: "connection refused", want: unreachable, setup: refused},
		faultRow{name: "DNS failure", want: unreachable, setup: nxdomain},
		faultRow{name: "TLS untrusted CA", want: unreachable, setup: badCert(func(p *testpki.PKI) testpki.Pair { return p.Untrusted })},
		faultRow{name: "TLS expired certificate", want: unreachable, setup: badCert(func(p *testpki.PKI) testpki.Pair { return p.Expired })},
		faultRow{name: "TLS wrong host name", want: unreachable, setup: badCert(func(p *testpki.PKI) testpki.Pair { return p.WrongHost })},
		faultRow{name: "breaker open", want: unreachable, setup: breakerOpen},
	)
}

// simFault is a healthy simulator that applies f to the next Smart Home
// request only; env is added to the function's configuration.
func simFault(f hasim.Fault, env ...string) func(t *testing.T) stage {
	return func(t *testing.T) stage {
		sim := startSim(t, hasim.Settings{}, "")
		once := f
		once.Path, once.Count = gateway.SmartHomePath, 1
		if err := sim.Inject(once); err != nil {
			t.Fatal(err)
		}
		return stage{
			env:    append([]string{"HA_URL=" + sim.URL()}, env...),
			sim:    sim,
			sent:   1,
			repair: func(*testing.T) { sim.ClearFaults() },
		}
	}
}

// refused points HA_URL at a 127.0.0.1 port nobody listens on; the repair
// starts the simulator on that port.
func refused(t *testing.T) stage {
	addr := closedAddr(t)
	return stage{
		env:    []string{"HA_URL=http://" + addr},
		repair: func(t *testing.T) { startSim(t, hasim.Settings{}, addr) },
	}
}

// haHost is the name HA_URL uses in the DNS row; the fake DNS server
// answers NXDOMAIN for it until the repair adds its record.
const haHost = "ha.lee-reliability.test"

// nxdomain resolves HA_URL's host with a fake DNS server (LEE_DNS_SERVER)
// that does not know it.
func nxdomain(t *testing.T) stage {
	dns, err := fakedns.Start(fakedns.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = dns.Close() })
	sim := startSim(t, hasim.Settings{}, "")
	u, err := url.Parse(sim.URL())
	if err != nil {
		t.Fatal(err)
	}
	return stage{
		env: []string{"HA_URL=http://" + haHost + ":" + u.Port(), "LEE_DNS_SERVER=" + dns.Addr()},
		sim: sim,
		repair: func(t *testing.T) {
			if err := dns.Set(haHost, netip.MustParseAddr("127.0.0.1")); err != nil {
				t.Fatal(err)
			}
		},
	}
}

// certSwitch serves one certificate and can change it while the server
// runs, so a TLS failure can be repaired without moving HA_URL.
type certSwitch struct {
	cert atomic.Pointer[tls.Certificate]
}

func (s *certSwitch) set(p testpki.Pair) { s.cert.Store(&p.TLS) }

func (s *certSwitch) config() *tls.Config {
	return &tls.Config{
		MinVersion: tls.VersionTLS12,
		GetCertificate: func(*tls.ClientHelloInfo) (*tls.Certificate, error) {
			return s.cert.Load(), nil
		},
	}
}

// badCert serves the certificate pick chooses over HTTPS, with the test CA
// trusted through HA_CA_FILE; the repair switches to the valid certificate.
func badCert(pick func(*testpki.PKI) testpki.Pair) func(t *testing.T) stage {
	return func(t *testing.T) stage {
		var sw certSwitch
		p := certs(t)
		sw.set(pick(p))
		sim := startSim(t, hasim.Settings{TLSConfig: sw.config()}, "")
		if !strings.HasPrefix(sim.URL(), "https://") {
			t.Fatalf("simulator serves %s, want https", sim.URL())
		}
		return stage{
			env:    []string{"HA_URL=" + sim.URL(), "HA_CA_FILE=" + p.CA.CertFile},
			sim:    sim,
			repair: func(*testing.T) { sw.set(p.Server) },
		}
	}
}

// breakerOpen trips the home_assistant breaker of the minimum tier with
// consecutive 503s; the failing directive then must not reach Home
// Assistant, and the repair waits out the breaker's open timeout.
func breakerOpen(t *testing.T) stage {
	tier := config.TierMinimum.Settings()
	sim := startSim(t, hasim.Settings{}, "")
	trip := func(t *testing.T, rt *harness.Runtime) {
		n := int(tier.BreakerFailureThreshold)
		if err := sim.Inject(hasim.Fault{Path: gateway.SmartHomePath, Count: n, Kind: hasim.KindStatus, Status: 503}); err != nil {
			t.Fatal(err)
		}
		directive := sample(t, turnOn)
		for range n {
			checkError(t, directive, invoke(t, rt, directive, defaultBudget).payload, gateway.BridgeUnreachable)
		}
		if got := smartHomeCalls(sim); got != n {
			t.Fatalf("tripping the breaker took %d requests to Home Assistant, want %d", got, n)
		}
	}
	return stage{
		env:    []string{"HA_URL=" + sim.URL(), "LEE_TIER=" + string(config.TierMinimum)},
		sim:    sim,
		arm:    trip,
		repair: func(*testing.T) { waitOut(tier.BreakerOpenTimeout) },
	}
}

// waitOut lets d pass. It is for the breaker's open timeout, a span the
// function measures on its own clock: there is no event to wait for, the
// passing of the time is the condition.
func waitOut(d time.Duration) {
	<-time.After(d)
}
