package main

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// functionURLEvent is a Lambda function URL request (payload format 2.0)
// for method and path; rawPath is left out when rawPathSet is false, as
// some API Gateway integrations do.
func functionURLEvent(tb testing.TB, method, path string, rawPathSet bool) []byte {
	tb.Helper()
	event := map[string]any{
		"version":        "2.0",
		"routeKey":       "$default",
		"rawQueryString": "",
		"headers":        map[string]string{"host": "lee.lambda-url.eu-west-1.on.aws", "authorization": "Bearer " + fixtureToken},
		"requestContext": map[string]any{
			"requestId": "function-url-request-1",
			"http":      map[string]any{"method": method, "path": path, "protocol": "HTTP/1.1", "sourceIp": "192.0.2.1"},
		},
		"isBase64Encoded": false,
	}
	if rawPathSet {
		event["rawPath"] = path
	}
	b, err := json.Marshal(event)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// TestHTTP: GET /healthz answers 200 with the version, the cold-start flag
// and the uptime, without calling Home Assistant or showing a secret; other
// paths are 404 and other methods 405.
func TestHTTP(t *testing.T) {
	tests := []struct {
		name       string
		method     string
		path       string
		rawPathSet bool
		wantStatus int
	}{
		{"GET /healthz", http.MethodGet, "/healthz", true, http.StatusOK},
		{"HEAD /healthz", http.MethodHead, "/healthz", true, http.StatusOK},
		{"GET /healthz without rawPath", http.MethodGet, "/healthz", false, http.StatusOK},
		{"POST /healthz", http.MethodPost, "/healthz", true, http.StatusMethodNotAllowed},
		{"DELETE /healthz", http.MethodDelete, "/healthz", true, http.StatusMethodNotAllowed},
		{"GET /", http.MethodGet, "/", true, http.StatusNotFound},
		{"GET /healthz/", http.MethodGet, "/healthz/", true, http.StatusNotFound},
		{"POST /api/alexa/smart_home", http.MethodPost, "/api/alexa/smart_home", true, http.StatusNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ha := startHA(t, respond(http.StatusOK, "application/json", fixtureFile(t, turnOnResponse)))
			f := newFixture(t, baseConfig(ha.URL()))

			got := f.mustInvoke(t, functionURLEvent(t, tc.method, tc.path, tc.rawPathSet))

			var resp struct {
				StatusCode int               `json:"statusCode"`
				Headers    map[string]string `json:"headers"`
				Body       string            `json:"body"`
			}
			if err := json.Unmarshal(got, &resp); err != nil {
				t.Fatalf("answer is not a function URL response: %v\n%s", err, got)
			}
			if resp.StatusCode != tc.wantStatus {
				t.Errorf("status %d; want %d", resp.StatusCode, tc.wantStatus)
			}
			if !strings.HasPrefix(resp.Headers["Content-Type"], "application/json") || !json.Valid([]byte(resp.Body)) {
				t.Errorf("answer %s; want a JSON body labelled application/json", got)
			}
			if tc.wantStatus == http.StatusOK {
				checkHealth(t, resp.Body)
			}
			checkNoSecret(t, "answer", string(got), ha.URL())
			if n := len(ha.requests()); n != 0 {
				t.Errorf("Home Assistant received %d requests; want none", n)
			}
		})
	}
}

// checkHealth fails unless body reports this version, a cold-start flag
// and an uptime.
func checkHealth(tb testing.TB, body string) {
	tb.Helper()
	var h map[string]any
	if err := json.Unmarshal([]byte(body), &h); err != nil {
		tb.Fatalf("health body is not a JSON object: %v: %s", err, body)
	}
	if h["version"] != Version {
		tb.Errorf("health version %v; want %q", h["version"], Version)
	}
	if _, ok := h["coldStart"].(bool); !ok {
		tb.Errorf("health body %s; want a boolean coldStart", body)
	}
	if up, ok := h["uptimeSeconds"].(float64); !ok || up < 0 {
		tb.Errorf("health body %s; want a non-negative uptimeSeconds", body)
	}
}
