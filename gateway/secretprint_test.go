package gateway

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// printed renders v every way fmt and log/slog can.
func printed(v any) string {
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("value", slog.Any("v", v))
	slog.New(slog.NewTextHandler(&buf, nil)).Info("value", slog.Any("v", v))
	return fmt.Sprintf("%v|%+v|%#v|%s|", v, v, v, v) + buf.String()
}

// TestPrintingHidesSecrets: values that carry a token never print it.
func TestPrintingHidesSecrets(t *testing.T) {
	g, _ := newTestGateway(t, testConfig(localURL))
	rapid.Check(t, func(t *rapid.T) {
		secret := "sekrit-" + rapid.StringMatching(`[A-Za-z0-9._-]{8,40}`).Draw(t, "secret")
		req, err := g.read([]byte(strings.ReplaceAll(turnOnDirective, directiveToken, secret)))
		if err != nil {
			t.Fatal(err)
		}
		req.row = &tableRow{Row: Row{Name: "relay"}}
		res := &HAResult{Status: 200, Body: []byte(secret)}
		for _, v := range []any{req, *req, req.Input, *req.Input, res} {
			if out := printed(v); strings.Contains(out, secret) {
				t.Fatalf("%T printed its secret: %s", v, out)
			}
		}
	})
}

func TestGatewayPrintsNoConfig(t *testing.T) {
	g, _ := newTestGateway(t, testConfig(localURL))
	if out := printed(g); strings.Contains(out, testToken) || !strings.Contains(out, "0 of 11 interfaces constructed") {
		t.Errorf("gateway printed %s", out)
	}
}
