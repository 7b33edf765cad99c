package doctor_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/doctor"
	"github.com/lee-engine/lee/tools/hasim"
)

// goodToken is the token the simulated Home Assistant accepts; it has the
// three-part shape of a real one.
const goodToken = "eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJsZWUtdGVzdCJ9.c2lnbmF0dXJlLW9mLXRoZS10ZXN0"

// startSim starts a simulated Home Assistant that accepts goodToken.
func startSim(t *testing.T, s hasim.Settings) *hasim.Server {
	t.Helper()
	if s.Tokens == nil {
		s.Tokens = []string{goodToken}
	}
	srv, err := hasim.Start(s, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := srv.Close(); err != nil {
			t.Error(err)
		}
	})
	return srv
}

// diagnose runs the doctor and returns its report and printed text,
// failing the test if a secret shows in the text.
func diagnose(t *testing.T, s doctor.Settings) (doctor.Report, string) {
	t.Helper()
	rep := doctor.Run(context.Background(), s)
	var out bytes.Buffer
	if err := rep.Write(&out); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	t.Logf("report:\n%s", text)
	secrets := []string{s.Token}
	for _, v := range s.Headers {
		secrets = append(secrets, v)
	}
	for _, secret := range secrets {
		if secret != "" && strings.Contains(text, secret) {
			t.Fatalf("the report shows a secret:\n%s", text)
		}
	}
	return rep, text
}

// result returns the last result of step with status, or fails.
func result(t *testing.T, rep doctor.Report, text, step string, status doctor.Status) doctor.Result {
	t.Helper()
	for i := len(rep.Results) - 1; i >= 0; i-- {
		if r := rep.Results[i]; r.Step == step && r.Status == status {
			return r
		}
	}
	t.Fatalf("no %s %s result in:\n%s", status, step, text)
	return doctor.Result{}
}

// mentions fails unless s contains every want.
func mentions(t *testing.T, what, s string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(s, w) {
			t.Errorf("%s %q lacks %q", what, s, w)
		}
	}
}

// simSettings is a plain simulator configuration.
func simSettings() hasim.Settings { return hasim.Settings{} }

// resultMentioning returns the result of step with status whose finding
// contains want, or fails.
func resultMentioning(t *testing.T, rep doctor.Report, text, step string, status doctor.Status, want string) doctor.Result {
	t.Helper()
	for _, r := range rep.Results {
		if r.Step == step && r.Status == status && strings.Contains(r.Finding, want) {
			return r
		}
	}
	t.Fatalf("no %s %s result mentioning %q in:\n%s", status, step, want, text)
	return doctor.Result{}
}
