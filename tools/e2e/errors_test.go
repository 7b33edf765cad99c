package e2e

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/lee-engine/lee/tools/hasim"
	"github.com/lee-engine/lee/tools/internal/loopback"
)

// Alexa's names for the errors of DESIGN.md's table.
const (
	nsAlexa         = "Alexa"
	nsAuthorization = "Alexa.Authorization"
	invalidAuth     = "INVALID_AUTHORIZATION_CREDENTIAL"
	unreachable     = "BRIDGE_UNREACHABLE"
	internalError   = "INTERNAL_ERROR"
	invalidDir      = "INVALID_DIRECTIVE"
	grantFailed     = "ACCEPT_GRANT_FAILED"
)

const smartHomePath = "/api/alexa/smart_home"

// errorRow is one way Home Assistant (or the directive) fails and the
// ErrorResponse it must produce.
type errorRow struct {
	name    string
	sim     hasim.Settings
	faults  []hasim.Fault
	request []byte
	// env configures the function; nil means HA_URL of the simulator.
	env       func(t *testing.T, sim *hasim.Server) []string
	namespace string
	typ       string
	// haCalls is how many requests the simulator must receive.
	haCalls int
	// message is a part the ErrorResponse's message must hold.
	message string
}

// status is a fault answering every Smart Home request with code.
func status(code int) []hasim.Fault {
	return []hasim.Fault{{Path: smartHomePath, Kind: hasim.KindStatus, Status: code}}
}

func fault(f hasim.Fault) []hasim.Fault {
	f.Path = smartHomePath
	return []hasim.Fault{f}
}

// refused points HA_URL at a port nothing listens on.
func refused(t *testing.T, _ *hasim.Server) []string {
	return []string{"HA_URL=http://" + loopback.ClosedAddr(t)}
}

// nxdomain points HA_URL at a name the fake DNS server does not know, and
// checks at the end that the function did ask it.
func nxdomain(t *testing.T, _ *hasim.Server) []string {
	dns := startDNS(t, nil)
	t.Cleanup(func() {
		if dns.Queries() == 0 {
			t.Error("the function never asked the DNS server of LEE_DNS_SERVER")
		}
	})
	return []string{"HA_URL=http://homeassistant.lee.test:8123", "LEE_DNS_SERVER=" + dns.Addr()}
}

func with(extra ...string) func(t *testing.T, sim *hasim.Server) []string {
	return func(_ *testing.T, sim *hasim.Server) []string {
		return append([]string{"HA_URL=" + sim.URL()}, extra...)
	}
}

// errorRows is DESIGN.md's error table, row by row, plus the variants of
// each row the simulator can produce.
func errorRows(t *testing.T) []errorRow {
	turnOn := sample(t, "PowerController.TurnOn")
	discovery := sample(t, "Discovery.Discover")
	grant := sample(t, "Authorization.AcceptGrant")
	setHeader := func(key string, v any) func(d map[string]any) {
		return func(d map[string]any) {
			if v == nil {
				delete(object(d, "header"), key)
				return
			}
			object(d, "header")[key] = v
		}
	}
	return []errorRow{
		{name: "no token and no fallback", request: edit(t, turnOn, withoutToken), typ: invalidAuth, haCalls: 0},
		{name: "401 token refused", sim: hasim.Settings{Tokens: []string{"another-token-entirely"}}, request: turnOn, typ: invalidAuth, haCalls: 1},
		{name: "403", faults: status(http.StatusForbidden), request: turnOn, typ: invalidAuth, haCalls: 1},
		{name: "connection refused", env: refused, request: turnOn, typ: unreachable},
		{name: "DNS failure", env: nxdomain, request: turnOn, typ: unreachable},
		{name: "TLS failure (self-signed, no CA)", sim: hasim.Settings{SelfSignedTLS: true}, request: turnOn, typ: unreachable, haCalls: 0},
		{name: "budget used up", faults: fault(hasim.Fault{Kind: hasim.KindDelay, Delay: 10 * time.Second}), env: with("HA_TIMEOUT=300ms"), request: turnOn, typ: unreachable, haCalls: 1},
		{name: "connection reset", faults: fault(hasim.Fault{Kind: hasim.KindReset}), request: turnOn, typ: unreachable, haCalls: 1},
		{name: "502", faults: status(http.StatusBadGateway), request: turnOn, typ: unreachable, haCalls: 1},
		{name: "503", faults: status(http.StatusServiceUnavailable), request: turnOn, typ: unreachable, haCalls: 1},
		{name: "504", faults: status(http.StatusGatewayTimeout), request: turnOn, typ: unreachable, haCalls: 1},
		{name: "503 to a discovery", faults: status(http.StatusServiceUnavailable), request: discovery, typ: unreachable, haCalls: 1},
		{name: "404 alexa not configured", sim: hasim.Settings{AlexaDisabled: true}, request: turnOn, typ: internalError, haCalls: 1, message: "alexa: smart_home:"},
		{name: "500", faults: status(http.StatusInternalServerError), request: turnOn, typ: internalError, haCalls: 1},
		{name: "501", faults: status(http.StatusNotImplemented), request: turnOn, typ: internalError, haCalls: 1},
		{name: "400", faults: status(http.StatusBadRequest), request: turnOn, typ: internalError, haCalls: 1},
		{name: "429", faults: status(http.StatusTooManyRequests), request: turnOn, typ: internalError, haCalls: 1},
		{name: "HTML login page with 200", faults: fault(hasim.Fault{Kind: hasim.KindHTML, Page: "login"}), request: turnOn, typ: internalError, haCalls: 1},
		{name: "HTML challenge page with 200", faults: fault(hasim.Fault{Kind: hasim.KindHTML, Page: "challenge"}), request: turnOn, typ: internalError, haCalls: 1},
		{name: "truncated JSON", faults: fault(hasim.Fault{Kind: hasim.KindTruncated}), request: turnOn, typ: internalError, haCalls: 1},
		{name: "invalid JSON", faults: fault(hasim.Fault{Kind: hasim.KindInvalidJSON}), request: turnOn, typ: internalError, haCalls: 1},
		{name: "empty body", faults: fault(hasim.Fault{Kind: hasim.KindEmptyBody}), request: turnOn, typ: internalError, haCalls: 1},
		{name: "JSON that is not an Alexa message", faults: fault(hasim.Fault{Kind: hasim.KindNonAlexaJSON}), request: turnOn, typ: internalError, haCalls: 1},
		{name: "answer over Lambda's 6 MB", faults: fault(hasim.Fault{Kind: hasim.KindHuge}), request: discovery, typ: internalError, haCalls: 1},
		{name: "payloadVersion 2", request: edit(t, turnOn, setHeader("payloadVersion", "2")), typ: invalidDir, haCalls: 0},
		{name: "no header namespace", request: edit(t, turnOn, setHeader("namespace", nil)), typ: invalidDir, haCalls: 0},
		{name: "no header name", request: edit(t, turnOn, setHeader("name", nil)), typ: invalidDir, haCalls: 0},
		{name: "AcceptGrant, 500", faults: status(http.StatusInternalServerError), request: grant, namespace: nsAuthorization, typ: grantFailed, haCalls: 1},
		{name: "AcceptGrant, 503", faults: status(http.StatusServiceUnavailable), request: grant, namespace: nsAuthorization, typ: grantFailed, haCalls: 1},
		{name: "AcceptGrant, 401", sim: hasim.Settings{Tokens: []string{"another-token-entirely"}}, request: grant, namespace: nsAuthorization, typ: grantFailed, haCalls: 1},
		{name: "AcceptGrant, connection refused", env: refused, request: grant, namespace: nsAuthorization, typ: grantFailed},
		{name: "AcceptGrant, HTML page", faults: fault(hasim.Fault{Kind: hasim.KindHTML}), request: grant, namespace: nsAuthorization, typ: grantFailed, haCalls: 1},
		{name: "AcceptGrant without grantee or fallback", request: edit(t, grant, withoutToken), namespace: nsAuthorization, typ: grantFailed, haCalls: 0},
	}
}

// TestErrorTable runs every row in a fresh function process (so the circuit
// breaker starts closed) against a fresh simulator.
func TestErrorTable(t *testing.T) {
	t.Parallel()
	for _, row := range errorRows(t) {
		t.Run(row.name, func(t *testing.T) {
			t.Parallel()
			sim := startSim(t, row.sim, row.faults...)
			env := []string{"HA_URL=" + sim.URL()}
			if row.env != nil {
				env = row.env(t, sim)
			}
			rt := startFunction(t, env...)
			ns := row.namespace
			if ns == "" {
				ns = nsAlexa
			}
			msg := wantError(t, row.request, invoke(t, rt, row.request), ns, row.typ)
			t.Logf("message: %s", msg)
			if row.message != "" && !strings.Contains(msg, row.message) {
				t.Errorf("message %q does not mention %q", msg, row.message)
			}
			if got := smartHomeRequests(sim); got != row.haCalls {
				t.Errorf("the simulator received %d requests, want %d (a request that may have reached Home Assistant is never repeated)", got, row.haCalls)
			}
		})
	}
}
