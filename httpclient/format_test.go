package httpclient_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/lee-engine/lee/httpclient"
)

func TestPrintingHidesSecrets(t *testing.T) {
	s := httpclient.Settings{Headers: map[string]string{"CF-Access-Client-Secret": "SECRET-value"}, UserAgent: "ua"}
	c := newClient(t, s)
	r := httpclient.Request{
		Method: http.MethodPost, URL: "https://u:SECRET-pw@ha.example/api?k=SECRET-query",
		BearerToken: "SECRET-token", Header: http.Header{"X-Key": {"SECRET-extra"}}, Body: []byte("SECRET-body"),
	}
	values := map[string]any{"settings": s, "request": r, "client": c}
	for name, v := range values {
		t.Run(name, func(t *testing.T) {
			var logged bytes.Buffer
			slog.New(slog.NewJSONHandler(&logged, nil)).Info("x", "v", v)
			out := fmt.Sprintf("%v|%+v|%#v|%s", v, v, v, &logged)
			if strings.Contains(out, "SECRET") {
				t.Fatalf("printed form shows a secret: %s", out)
			}
			if !strings.Contains(out, "Cf-Access-Client-Secret") && !strings.Contains(out, "X-Key") {
				t.Fatalf("printed form lost the header names: %s", out)
			}
		})
	}
}
