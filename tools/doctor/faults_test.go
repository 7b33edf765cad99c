package doctor_test

import (
	"testing"
	"time"

	"github.com/lee-engine/lee/tools/doctor"
	"github.com/lee-engine/lee/tools/hasim"
	"github.com/lee-engine/lee/tools/internal/loopback"
)

// TestSimulatedFaults runs the doctor against the simulator with one fault
// each and checks the verdict, the step it is given at, and the advice.
func TestSimulatedFaults(t *testing.T) {
	const smartHome = "/api/alexa/smart_home"
	tests := []struct {
		name     string
		sim      hasim.Settings
		fault    *hasim.Fault
		token    string
		adjust   func(*doctor.Settings)
		step     string
		status   doctor.Status
		stopped  string
		finding  []string
		fix      []string
		reportOK bool
	}{
		{name: "wrong token", token: "eyJ.wrong.token", step: "api", status: doctor.Fail, stopped: "api",
			finding: []string{"401", "refused the token"}, fix: []string{"long-lived access token", "re-link"}},
		{name: "Home Assistant login page", fault: &hasim.Fault{Path: "/api/", Kind: hasim.KindHTML, Page: "login"},
			step: "api", status: doctor.Fail, stopped: "api",
			finding: []string{"HTML page instead of JSON"}, fix: []string{"HA_HEADERS"}},
		{name: "Cloudflare challenge", fault: &hasim.Fault{Path: "/api/", Kind: hasim.KindHTML, Page: "challenge", Status: 403},
			step: "api", status: doctor.Fail, stopped: "api",
			finding: []string{"403", "Cloudflare challenge"}, fix: []string{"HA_HEADERS", "CF-Access-Client-Id", "--headers-env"}},
		{name: "alexa integration disabled", sim: hasim.Settings{AlexaDisabled: true},
			step: "alexa", status: doctor.Fail, stopped: "alexa",
			finding: []string{"404", "not enabled"}, fix: []string{"`alexa:`", "`smart_home:`", "configuration.yaml"}},
		{name: "non-Alexa JSON", fault: &hasim.Fault{Path: smartHome, Kind: hasim.KindNonAlexaJSON},
			step: "alexa", status: doctor.Fail, stopped: "alexa",
			finding: []string{"not an Alexa message"}, fix: []string{"proxy"}},
		{name: "invalid JSON", fault: &hasim.Fault{Path: smartHome, Kind: hasim.KindInvalidJSON},
			step: "alexa", status: doctor.Fail, stopped: "alexa", finding: []string{"not an Alexa message"}},
		{name: "truncated JSON", fault: &hasim.Fault{Path: smartHome, Kind: hasim.KindTruncated},
			step: "alexa", status: doctor.Fail, stopped: "alexa",
			finding: []string{"truncated body", "JSON stops after"}, fix: []string{"cuts Home Assistant's answer short", "proxy"}},
		{name: "answer over Lambda's limit", fault: &hasim.Fault{Path: smartHome, Kind: hasim.KindHuge},
			step: "alexa", status: doctor.Fail, stopped: "alexa",
			finding: []string{"more than 6 MiB"}, fix: []string{"fewer entities"}},
		{name: "Home Assistant starting", fault: &hasim.Fault{Path: "/api/", Kind: hasim.KindStatus, Status: 503},
			step: "api", status: doctor.Fail, stopped: "api", finding: []string{"503"}, fix: []string{"BRIDGE_UNREACHABLE"}},
		{name: "proxy not trusted", fault: &hasim.Fault{Path: "/api/", Kind: hasim.KindStatus, Status: 400},
			step: "api", status: doctor.Fail, stopped: "api", finding: []string{"400"}, fix: []string{"trusted_proxies"}},
		{name: "slow answer", fault: &hasim.Fault{Path: smartHome, Kind: hasim.KindDelay, Delay: 100 * time.Millisecond},
			adjust: func(s *doctor.Settings) { s.WarnLatency, s.FailLatency = 50*time.Millisecond, time.Minute },
			step:   "latency", status: doctor.Warn, finding: []string{"Discovery took", "over 50ms"}, fix: []string{"slows"},
			reportOK: true},
		{name: "too slow an answer", fault: &hasim.Fault{Path: smartHome, Kind: hasim.KindDelay, Delay: 300 * time.Millisecond},
			adjust: func(s *doctor.Settings) { s.WarnLatency, s.FailLatency = 50*time.Millisecond, 100*time.Millisecond },
			step:   "latency", status: doctor.Fail, finding: []string{"over 100ms", "HA_TIMEOUT"}, fix: []string{"device not responding"}},
		{name: "no answer in time", fault: &hasim.Fault{Path: smartHome, Kind: hasim.KindDelay, Delay: time.Minute},
			adjust: func(s *doctor.Settings) { s.Timeout = 200 * time.Millisecond },
			step:   "alexa", status: doctor.Fail, stopped: "alexa", finding: []string{"no answer within 200ms"}},
		{name: "protocol switch", fault: &hasim.Fault{Path: smartHome, Kind: hasim.KindSwitchProtocols},
			step: "alexa", status: doctor.Fail, stopped: "alexa", finding: []string{"101"}},
		{name: "connection closed mid-body", fault: &hasim.Fault{Path: smartHome, Kind: hasim.KindReset},
			step: "alexa", status: doctor.Fail, stopped: "alexa",
			finding: []string{"truncated body", "connection closed before the whole body arrived"}, fix: []string{"cuts Home Assistant's answer short"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sim := startSim(t, tt.sim)
			if tt.fault != nil {
				if err := sim.Inject(*tt.fault); err != nil {
					t.Fatal(err)
				}
			}
			token := tt.token
			if token == "" {
				token = goodToken
			}
			s := doctor.Settings{URL: sim.URL(), Token: token}
			if tt.adjust != nil {
				tt.adjust(&s)
			}
			rep, text := diagnose(t, s)
			r := result(t, rep, text, tt.step, tt.status)
			mentions(t, "finding", r.Finding, tt.finding...)
			mentions(t, "fix", r.Fix, tt.fix...)
			if rep.Stopped != tt.stopped {
				t.Errorf("stopped after %q, want %q:\n%s", rep.Stopped, tt.stopped, text)
			}
			if rep.OK() != tt.reportOK {
				t.Errorf("OK() = %v, want %v:\n%s", rep.OK(), tt.reportOK, text)
			}
		})
	}
}

func TestConnectionRefused(t *testing.T) {
	rep, text := diagnose(t, doctor.Settings{URL: "http://" + loopback.ClosedAddr(t), Token: goodToken})
	r := result(t, rep, text, "tcp", doctor.Fail)
	mentions(t, "finding", r.Finding, "refused", "nothing listens")
	mentions(t, "fix", r.Fix, "port forwarding")
	if rep.Stopped != "tcp" || rep.OK() {
		t.Fatalf("want a failed run stopped at tcp:\n%s", text)
	}
}
