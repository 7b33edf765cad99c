package doctor_test

import (
	"testing"

	"github.com/lee-engine/lee/tools/doctor"
	"github.com/lee-engine/lee/tools/hasim"
	"github.com/lee-engine/lee/tools/internal/alexatest"
)

func TestHealthyHomeAssistant(t *testing.T) {
	sim := startSim(t, hasim.Settings{})
	rep, text := diagnose(t, doctor.Settings{URL: sim.URL(), Token: goodToken, TokenSource: "$HA_TOKEN", SchemaPath: alexatest.OptionalSchemaPath(t)})
	if !rep.OK() || rep.Stopped != "" {
		t.Fatalf("a healthy Home Assistant failed:\n%s", text)
	}
	for _, step := range []string{"token", "tcp", "api", "alexa", "discovery", "latency"} {
		result(t, rep, text, step, doctor.Pass)
	}
	// Plain http on loopback: usable by LEE, not by account linking or Lambda.
	result(t, rep, text, "url", doctor.Warn)
	result(t, rep, text, "dns", doctor.Warn)
	if n := sim.Count("/api/alexa/smart_home"); n != 1 {
		t.Fatalf("Home Assistant saw %d Discovery requests, want 1", n)
	}
	for _, req := range sim.Requests() {
		if !req.TokenMatched {
			t.Fatalf("request %s %s was sent without the token", req.Method, req.Path)
		}
	}
}
