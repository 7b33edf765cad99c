package main

import (
	"fmt"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/lee-engine/lee/gateway"
)

// script is a Home Assistant behaviour that a test changes between
// invocations of one function instance.
type script struct {
	mu    sync.Mutex
	reply http.HandlerFunc
}

func (s *script) set(reply http.HandlerFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reply = reply
}

func (s *script) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	reply := s.reply
	s.mu.Unlock()
	reply(w, r)
}

// allMetricNames are the ten names of the metrics contract.
var allMetricNames = []string{
	gateway.MetricDirectives, gateway.MetricColdStart, gateway.MetricHALatency, gateway.MetricBridgeUnreachable,
	gateway.MetricInvalidAuthorization, gateway.MetricInternalError, gateway.MetricInvalidDirective,
	gateway.MetricAcceptGrantFailed, gateway.MetricBreakerOpen, gateway.MetricCustomSkillRequests,
}

// loggedInvocation is one invocation of TestLogging.
type loggedInvocation struct {
	name  string
	event []byte
	reply http.HandlerFunc
	// correlationID is the id every line after decoding must carry; ""
	// when the event has none.
	correlationID string
	// oneEMF says the invocation records metrics, so it must write
	// exactly one EMF line; others write at most one.
	oneEMF bool
	// wantMsg is a log message the invocation must write; "" for none.
	wantMsg string
}

func loggedInvocations(t *testing.T) []loggedInvocation {
	ok := respond(http.StatusOK, "application/json", fixtureFile(t, turnOnResponse))
	discovery := fixtureFile(t, discoveryRequest)
	turnOn := fixtureFile(t, turnOnRequest)
	noScope := editDirective(t, turnOnRequest, func(d map[string]any) { delete(member(d, "endpoint"), "scope") })
	oldVersion := editDirective(t, turnOnRequest, func(d map[string]any) { member(d, "header")["payloadVersion"] = "2" })
	echo := respond(http.StatusInternalServerError, "text/plain", []byte("token "+fixtureToken+" rejected; header "+headerSecret))
	const relayed, failed = "directive relayed", "answered Alexa with an error"
	skillID := "amzn1.echo-api.request.TEST-1"
	id := func(event []byte) string { h, _ := directiveIdentity(event); return h.MessageID }
	grant := fixtureFile(t, grantRequest)
	return []loggedInvocation{
		{"TurnOn relayed", turnOn, ok, id(turnOn), true, relayed},
		{"Discovery relayed", discovery, respond(http.StatusOK, "application/json", fixtureFile(t, discoveryResponse)), id(discovery), true, relayed},
		{"fallback token used", noScope, ok, id(noScope), true, relayed},
		{"401", turnOn, haStatus(http.StatusUnauthorized), id(turnOn), true, failed},
		{"HTML page", turnOn, respond(http.StatusOK, "text/html", []byte("<html>"+fixtureToken+"</html>")), id(turnOn), true, failed},
		{"HA echoes the secrets", turnOn, echo, id(turnOn), true, failed},
		{"AcceptGrant failed", grant, haStatus(http.StatusBadGateway), id(grant), true, failed},
		{"payloadVersion 2", oldVersion, ok, id(oldVersion), true, failed},
		{"custom skill", skillEvent(t, skillContextToken, skillSessionToken), respond(http.StatusOK, "application/json", skillAnswer),
			skillID, true, "custom skill request relayed"},
		{"custom skill refused", skillEvent(t, skillContextToken, ""), haStatus(http.StatusForbidden), skillID, true, "custom skill request failed"},
		{"health check", functionURLEvent(t, http.MethodGet, "/healthz", true), ok, "", false, ""},
		{"warm-up", []byte(`{"warmup":true}`), ok, "", false, "warm-up event"},
		{"unknown event", []byte(`{}`), ok, "", false, "event refused"},
		{"directive without header", []byte(`{"directive":{"endpoint":{"scope":{"type":"BearerToken","token":"` + fixtureToken + `"}}}}`),
			ok, "", false, "event refused"},
	}
}

// TestLogging: at LOG_LEVEL=debug every output line is JSON, every log
// line carries the invocation's request id and, once the event is decoded,
// its Alexa messageId (or skill requestId) as correlationId; each
// invocation that records metrics writes exactly one EMF line with at most
// ten names; no token or header secret appears anywhere.
func TestLogging(t *testing.T) {
	sc := &script{}
	ha := startHA(t, sc.serve)
	cfg := baseConfig(ha.URL())
	cfg.LogLevel = "debug"
	f := newFixture(t, cfg)
	for i, inv := range loggedInvocations(t) {
		t.Run(inv.name, func(t *testing.T) {
			sc.set(inv.reply)
			requestID := fmt.Sprintf("log-test-request-%02d", i)

			_, _ = f.h.Invoke(lambdaContext(t, requestID, time.Now().Add(time.Minute)), inv.event)

			output := f.out.take()
			checkNoSecret(t, "output", output, skillContextToken, skillSessionToken)
			lines := outputLines(t, output)
			logs := slices.DeleteFunc(slices.Clone(lines), isEMF)
			if inv.oneEMF && len(logs) == 0 {
				t.Error("no log line for an event handled as Alexa's")
			}
			if inv.wantMsg != "" && !hasLine(logs, inv.wantMsg, requestID) {
				t.Errorf("no %q line in %v", inv.wantMsg, logs)
			}
			for _, l := range logs {
				if l["requestId"] != requestID {
					t.Errorf("line %v; want requestId %q", l, requestID)
				}
				if inv.correlationID != "" && l["msg"] != "cold start" && l["correlationId"] != inv.correlationID {
					t.Errorf("line %v; want correlationId %q", l, inv.correlationID)
				}
			}
			checkEMF(t, emfLines(lines), inv.oneEMF)
		})
	}
}

// checkEMF fails unless there is exactly one EMF line (at most one when
// exactly is false), naming at most ten metrics, all from the contract.
func checkEMF(t *testing.T, emf []map[string]any, exactly bool) {
	t.Helper()
	if len(emf) > 1 || (exactly && len(emf) != 1) {
		t.Fatalf("%d EMF lines; want %s one", len(emf), map[bool]string{true: "exactly", false: "at most"}[exactly])
	}
	for _, line := range emf {
		names := metricNames(t, line)
		if len(names) == 0 || len(names) > 10 {
			t.Errorf("EMF line names %d metrics; want 1 to 10: %v", len(names), line)
		}
		for _, n := range names {
			if !slices.Contains(allMetricNames, n) {
				t.Errorf("EMF line names %q, which is not one of the ten contract metrics", n)
			}
			if _, ok := line[n]; !ok {
				t.Errorf("EMF line declares %q but carries no value for it: %v", n, line)
			}
		}
		if line["FunctionName"] != "lee-test" {
			t.Errorf("EMF line dimension FunctionName %v; want lee-test", line["FunctionName"])
		}
	}
}

// metricNames lists the metric names an EMF line declares.
func metricNames(t *testing.T, line map[string]any) []string {
	t.Helper()
	var names []string
	aws, _ := line["_aws"].(map[string]any)
	directives, _ := aws["CloudWatchMetrics"].([]any)
	for _, d := range directives {
		dm, _ := d.(map[string]any)
		if dm["Namespace"] != "LEE" {
			t.Errorf("EMF namespace %v; want LEE", dm["Namespace"])
		}
		metrics, _ := dm["Metrics"].([]any)
		for _, m := range metrics {
			mm, _ := m.(map[string]any)
			name, _ := mm["Name"].(string)
			names = append(names, name)
		}
	}
	return names
}

// TestMetricSettings: LEE_METRICS=off writes no EMF line, and the minimum
// tier's essential set leaves out the other five names.
func TestMetricSettings(t *testing.T) {
	essential := []string{gateway.MetricDirectives, gateway.MetricColdStart, gateway.MetricHALatency,
		gateway.MetricBridgeUnreachable, gateway.MetricInternalError}
	tests := []struct {
		name    string
		config  func(*gateway.Configuration)
		wantEMF bool
	}{
		{"metrics off", func(c *gateway.Configuration) { c.MetricsEnabled = false }, false},
		{"minimum tier", func(c *gateway.Configuration) { c.Tier = "minimum" }, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ha := startHA(t, haStatus(http.StatusUnauthorized))
			cfg := baseConfig(ha.URL())
			tc.config(cfg)
			f := newFixture(t, cfg)
			event := fixtureFile(t, turnOnRequest)

			checkErrorAnswer(t, event, f.mustInvoke(t, event), wantError{"Alexa", badAuth, "401"})

			emf := emfLines(outputLines(t, f.out.take()))
			if !tc.wantEMF {
				if len(emf) != 0 {
					t.Errorf("EMF lines %v; want none with metrics off", emf)
				}
				return
			}
			checkEMF(t, emf, true)
			for _, n := range metricNames(t, emf[0]) {
				if !slices.Contains(essential, n) {
					t.Errorf("EMF line names %q outside the essential set", n)
				}
			}
		})
	}
}
