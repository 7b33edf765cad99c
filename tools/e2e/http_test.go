package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/lee-engine/lee/tools/hasim"
)

// functionURLEvent is a Lambda function URL request (payload format 2.0).
func functionURLEvent(t *testing.T, method, path string) []byte {
	t.Helper()
	ev := map[string]any{
		"version":        "2.0",
		"routeKey":       "$default",
		"rawPath":        path,
		"rawQueryString": "",
		"headers":        map[string]string{"host": "abcdefghij.lambda-url.us-east-1.on.aws", "user-agent": "curl/8.5.0"},
		"requestContext": map[string]any{
			"accountId":  "anonymous",
			"apiId":      "abcdefghij",
			"domainName": "abcdefghij.lambda-url.us-east-1.on.aws",
			"http": map[string]any{
				"method": method, "path": path, "protocol": "HTTP/1.1",
				"sourceIp": "203.0.113.7", "userAgent": "curl/8.5.0",
			},
			"requestId": "3f0c5a1e-7b9d-4e2a-8c61-5d4f3b2a1e09",
			"routeKey":  "$default",
			"stage":     "$default",
			"time":      "01/Jan/2026:12:00:00 +0000",
			"timeEpoch": 1767268800000,
		},
		"isBase64Encoded": false,
	}
	b, err := json.Marshal(ev)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// functionVersion reads the Version constant of the function's source.
func functionVersion(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "function", "version.go"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`const Version = "([^"]+)"`).FindSubmatch(src)
	if m == nil {
		t.Fatal("no Version constant in function/version.go")
	}
	return string(m[1])
}

// TestHealth checks the function URL: GET /healthz answers 200 with the
// version and no secret, other paths 404, and Home Assistant is never
// called.
func TestHealth(t *testing.T) {
	t.Parallel()
	sim := startSim(t, hasim.Settings{})
	rt := startFunction(t, "HA_URL="+sim.URL(), "HA_TOKEN="+fallbackToken)
	tests := []struct {
		name, method, path string
		status             int
	}{
		{"healthz", "GET", "/healthz", 200},
		{"healthz again, warm", "GET", "/healthz", 200},
		{"root", "GET", "/", 404},
		{"other path", "GET", "/api/alexa/smart_home", 404},
		{"healthz prefix", "GET", "/healthz/extra", 404},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			body := payload(t, invoke(t, rt, functionURLEvent(t, tc.method, tc.path)))
			var resp struct {
				StatusCode int               `json:"statusCode"`
				Headers    map[string]string `json:"headers"`
				Body       string            `json:"body"`
			}
			if err := json.Unmarshal(body, &resp); err != nil {
				t.Fatalf("not a function URL response: %v: %s", err, body)
			}
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tc.status, body)
			}
			if leaked := leakedSecrets(body); len(leaked) > 0 {
				t.Errorf("the answer shows the secrets %q: %s", leaked, body)
			}
			if tc.status != 200 {
				return
			}
			var h struct {
				Version string `json:"version"`
			}
			if err := json.Unmarshal([]byte(resp.Body), &h); err != nil {
				t.Fatalf("health body is not JSON: %v: %q", err, resp.Body)
			}
			if want := functionVersion(t); h.Version != want {
				t.Errorf("health version %q, want %q: %s", h.Version, want, resp.Body)
			}
		})
	}
	if n := sim.Count(""); n != 0 {
		t.Errorf("the health checks called Home Assistant %d times", n)
	}
}

// TestWarmup checks a scheduled warm-up event gets a small answer at once
// and Home Assistant is not called.
func TestWarmup(t *testing.T) {
	t.Parallel()
	sim := startSim(t, hasim.Settings{})
	rt := startFunction(t, "HA_URL="+sim.URL())
	tests := []struct {
		name  string
		event string
	}{
		{"EventBridge schedule", `{"version":"0","id":"89d1a02d-5ec7-412e-82f5-13505f849b41","detail-type":"Scheduled Event","source":"aws.events","account":"123456789012","time":"2026-01-01T12:00:00Z","region":"us-east-1","resources":["arn:aws:events:us-east-1:123456789012:rule/lee-warmup"],"detail":{}}`},
		{"warmup ping", `{"warmup":true}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			body := payload(t, invoke(t, rt, []byte(tc.event)))
			if !json.Valid(body) || len(body) > 256 {
				t.Errorf("warm-up answer is not small JSON (%d bytes): %s", len(body), body)
			}
		})
	}
	if n := sim.Count(""); n != 0 {
		t.Errorf("the warm-up called Home Assistant %d times", n)
	}
}
