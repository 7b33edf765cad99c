package httpclient_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/lee-engine/lee/httpclient"
)

// echoHeaders answers with the request's method, host and headers as JSON.
func echoHeaders(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"method": r.Method, "host": r.Host, "header": r.Header, "body": string(body),
	})
}

type echoed struct {
	Method string
	Host   string
	Header http.Header
	Body   string
}

func TestRequestHeaders(t *testing.T) {
	srv, _ := startHTTP(t, echoHeaders)
	tests := []struct {
		name     string
		settings httpclient.Settings
		req      httpclient.Request
		want     map[string]string // "" means absent
		wantHost string
	}{
		{
			name: "defaults with a body",
			req:  httpclient.Request{Method: http.MethodPost, Body: []byte(`{"a":1}`), BearerToken: "tok"},
			want: map[string]string{
				"Authorization": "Bearer tok", "Content-Type": "application/json",
				"User-Agent": "lee-httpclient/" + httpclient.Version,
			},
		},
		{
			name: "no body, no token",
			req:  httpclient.Request{},
			want: map[string]string{"Authorization": "", "Content-Type": "", "User-Agent": "lee-httpclient/" + httpclient.Version},
		},
		{
			name:     "settings headers and user agent",
			settings: httpclient.Settings{UserAgent: "lee/1", Headers: map[string]string{"cf-access-client-id": "id", "Host": "ha.example"}},
			req:      httpclient.Request{},
			want:     map[string]string{"User-Agent": "lee/1", "Cf-Access-Client-Id": "id"},
			wantHost: "ha.example",
		},
		{
			name:     "request headers override, token overrides Authorization",
			settings: httpclient.Settings{Headers: map[string]string{"X-A": "settings", "Authorization": "Basic x"}},
			req: httpclient.Request{
				Method: http.MethodPut, Body: []byte("<x/>"), BearerToken: "tok",
				Header: http.Header{"x-a": {"request"}, "Content-Type": {"text/xml"}},
			},
			want: map[string]string{"X-A": "request", "Content-Type": "text/xml", "Authorization": "Bearer tok"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newClient(t, tt.settings)
			tt.req.URL = srv.URL
			resp, err := c.Do(budget(t), tt.req)
			if err != nil {
				t.Fatalf("Do: %v", err)
			}
			var got echoed
			if err := json.Unmarshal(resp.Body, &got); err != nil {
				t.Fatalf("decode echo: %v", err)
			}
			for name, value := range tt.want {
				if g := got.Header.Get(name); g != value {
					t.Errorf("%s = %q, want %q", name, g, value)
				}
			}
			wantMethod := tt.req.Method
			if wantMethod == "" {
				wantMethod = http.MethodGet
			}
			if got.Method != wantMethod || got.Body != string(tt.req.Body) {
				t.Errorf("server saw %s %q, want %s %q", got.Method, got.Body, wantMethod, tt.req.Body)
			}
			if tt.wantHost != "" && got.Host != tt.wantHost {
				t.Errorf("Host = %q, want %q", got.Host, tt.wantHost)
			}
		})
	}
}

func TestEveryStatusIsAResponse(t *testing.T) {
	tests := []struct {
		status  int
		wantErr bool
	}{
		{http.StatusOK, false},
		{http.StatusNoContent, false},
		{http.StatusFound, true},
		{http.StatusUnauthorized, true},
		{http.StatusNotFound, true},
		{http.StatusServiceUnavailable, true},
	}
	for _, tt := range tests {
		t.Run(http.StatusText(tt.status), func(t *testing.T) {
			srv, count := startHTTP(t, func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Location", "/elsewhere")
				w.WriteHeader(tt.status)
			})
			c := newClient(t, httpclient.Settings{})
			resp, err := c.Do(budget(t), httpclient.Request{Method: http.MethodPost, URL: srv.URL + "/api?x=1", Body: []byte(`{}`)})
			if err != nil {
				t.Fatalf("Do: %v", err)
			}
			if resp.StatusCode != tt.status || resp.Attempts != 1 || count.Load() != 1 {
				t.Fatalf("status %d after %d attempts and %d requests; want %d, 1, 1 (redirects are not followed)",
					resp.StatusCode, resp.Attempts, count.Load(), tt.status)
			}
			err = httpclient.StatusError(resp)
			if !tt.wantErr {
				if err != nil {
					t.Fatalf("StatusError = %v, want nil", err)
				}
				return
			}
			e := wantKind(t, err, httpclient.KindStatus)
			if e.Status != tt.status || e.Op != http.MethodPost || e.URL != srv.URL+"/api" {
				t.Fatalf("StatusError = %+v", e)
			}
		})
	}
}

func TestBodyLimit(t *testing.T) {
	const limit = 1024
	tests := []struct {
		name    string
		size    int
		chunked bool
		wantErr bool
	}{
		{"exactly the limit", limit, false, false},
		{"declared over the limit", limit + 1, false, true},
		{"chunked at the limit", limit, true, false},
		{"chunked over the limit", 4 * limit, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := strings.Repeat("a", tt.size)
			srv, _ := startHTTP(t, func(w http.ResponseWriter, _ *http.Request) {
				if tt.chunked {
					_, _ = io.WriteString(w, body[:1])
					http.NewResponseController(w).Flush()
					_, _ = io.WriteString(w, body[1:])
					return
				}
				w.Header().Set("Content-Length", strconv.Itoa(len(body)))
				_, _ = io.WriteString(w, body)
			})
			c := newClient(t, httpclient.Settings{MaxBodyBytes: limit})
			resp, err := c.Do(budget(t), httpclient.Request{URL: srv.URL})
			if !tt.wantErr {
				if err != nil || !bytes.Equal(resp.Body, []byte(body)) {
					t.Fatalf("Do = %d bytes, %v; want %d bytes", len(resp.Body), err, tt.size)
				}
				return
			}
			if e := wantKind(t, err, httpclient.KindTooLarge); e.Status != http.StatusOK {
				t.Fatalf("status = %d, want 200", e.Status)
			}
		})
	}
}

func TestResponseFields(t *testing.T) {
	srv, _ := startHTTP(t, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("X-Reply", "yes")
		_, _ = io.WriteString(w, "hello")
	})
	c := newClient(t, httpclient.Settings{})
	resp, err := c.Do(budget(t), httpclient.Request{URL: srv.URL})
	if err != nil {
		t.Fatalf("Do: %v", err)
	}
	if resp.Header.Get("X-Reply") != "yes" || string(resp.Body) != "hello" || resp.Attempts != 1 || resp.Duration <= 0 {
		t.Fatalf("Response = %+v", resp)
	}
}
