package doctor_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/lee-engine/lee/tools/doctor"
	"github.com/lee-engine/lee/tools/internal/alexatest"
)

// fakeHA serves /api/ and answers /api/alexa/smart_home with answer.
func fakeHA(t *testing.T, smartHome http.HandlerFunc) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"message":"API running."}`)
	})
	mux.HandleFunc("POST /api/alexa/smart_home", smartHome)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// endpoint is a valid Alexa endpoint named name.
func endpoint(id, name string) map[string]any {
	return map[string]any{
		"endpointId": id, "friendlyName": name, "description": name + " light", "manufacturerName": "Home Assistant",
		"displayCategories": []string{"LIGHT"},
		"capabilities": []any{
			map[string]any{"type": "AlexaInterface", "interface": "Alexa", "version": "3"},
			map[string]any{"type": "AlexaInterface", "interface": "Alexa.PowerController", "version": "3",
				"properties": map[string]any{"supported": []any{map[string]any{"name": "powerState"}}, "proactivelyReported": false, "retrievable": true}},
		},
	}
}

func discoverResponse(endpoints []map[string]any) string {
	b, _ := json.Marshal(map[string]any{"event": map[string]any{
		"header":  map[string]any{"namespace": "Alexa.Discovery", "name": "Discover.Response", "payloadVersion": "3", "messageId": "5f8a426e-01e4-4cc9-8b79-65f8bd0fd8a4"},
		"payload": map[string]any{"endpoints": endpoints},
	}})
	return string(b)
}

func serve(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, body)
	}
}

func TestDiscoveryContent(t *testing.T) {
	many := make([]map[string]any, 301)
	for i := range many {
		many[i] = endpoint(fmt.Sprintf("light#n%d", i), fmt.Sprintf("Lamp %d", i))
	}
	noCategory := endpoint("light#hall", "Hall")
	delete(noCategory, "displayCategories")
	// Amazon's schema judges the good case too, when its data is at hand.
	checked := "structural checks only, no Alexa schema given"
	if alexatest.OptionalSchemaPath(t) != "" {
		checked = "checked against Alexa's schema"
	}
	tests := []struct {
		name    string
		body    string
		status  doctor.Status
		finding []string
		fix     []string
		details []string
	}{
		{"good", discoverResponse([]map[string]any{endpoint("light#kitchen", "Kitchen"), endpoint("light#hall", "Hall")}),
			doctor.Pass, []string{"2 endpoints (Alexa takes at most 300), no problem found (" + checked + ")"}, nil, nil},
		{"nothing exposed", discoverResponse([]map[string]any{}),
			doctor.Fail, []string{"no endpoint", "no device"}, []string{"filter", "alexa: smart_home:"}, nil},
		{"over Alexa's limit", discoverResponse(many),
			doctor.Fail, []string{"301 endpoints", "make Alexa drop devices"}, []string{"fix the entities"}, []string{"300"}},
		{"duplicate friendly names", discoverResponse([]map[string]any{endpoint("light#a", "Lamp"), endpoint("light#b", "lamp")}),
			doctor.Warn, []string{"2 endpoints", "1 warnings"}, []string{"rename"}, []string{"repeats endpoint #0"}},
		{"missing display categories", discoverResponse([]map[string]any{noCategory}),
			doctor.Fail, []string{"1 problems"}, nil, []string{"light#hall", "displayCategories"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ha := fakeHA(t, serve(tt.body))
			s := doctor.Settings{URL: ha.URL, Token: goodToken}
			if tt.status != doctor.Fail {
				// Schema validation of 301 endpoints is slow; the
				// structural rules alone judge the failures. Amazon's
				// schema is checked too when its data is at hand.
				s.SchemaPath = alexatest.OptionalSchemaPath(t)
			}
			rep, text := diagnose(t, s)
			r := result(t, rep, text, "discovery", tt.status)
			mentions(t, "finding", r.Finding, tt.finding...)
			mentions(t, "fix", r.Fix, tt.fix...)
			mentions(t, "details", strings.Join(r.Details, "\n"), tt.details...)
			if len(r.Details) > 11 {
				t.Fatalf("%d detail lines, want at most 10 and a count", len(r.Details))
			}
		})
	}
}

func TestAlexaErrorResponse(t *testing.T) {
	body := `{"event":{"header":{"namespace":"Alexa","name":"ErrorResponse","payloadVersion":"3","messageId":"m"},` +
		`"payload":{"type":"INVALID_AUTHORIZATION_CREDENTIAL","message":"token ` + goodToken + ` is not valid"}}}`
	ha := fakeHA(t, serve(body))
	rep, text := diagnose(t, doctor.Settings{URL: ha.URL, Token: goodToken})
	r := result(t, rep, text, "alexa", doctor.Fail)
	mentions(t, "finding", r.Finding, "ErrorResponse INVALID_AUTHORIZATION_CREDENTIAL", "[REDACTED]")
	mentions(t, "fix", r.Fix, "re-link")
}

func TestCloudflareAccessRedirect(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "https://home.cloudflareaccess.com/cdn-cgi/access/login/ha.example.com", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	rep, text := diagnose(t, doctor.Settings{URL: srv.URL, Token: goodToken})
	r := result(t, rep, text, "api", doctor.Fail)
	mentions(t, "finding", r.Finding, "Cloudflare Access login")
	mentions(t, "fix", r.Fix, "HA_HEADERS", "CF-Access-Client-Secret")
}

// TestExtraHeadersAreSentAndHidden gives a Cloudflare Access service token
// as extra headers: the server must receive them, the report must not
// show the secret.
func TestExtraHeadersAreSentAndHidden(t *testing.T) {
	const secret = "cf-access-secret-value"
	var mu sync.Mutex
	var got []string
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = append(got, r.Header.Get("CF-Access-Client-Secret"))
		mu.Unlock()
		if r.Header.Get("CF-Access-Client-Secret") != secret {
			w.WriteHeader(http.StatusForbidden)
			fmt.Fprintf(w, "{\"message\":\"forbidden for %s\"}", r.Header.Get("CF-Access-Client-Secret"))
			return
		}
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/api/" {
			fmt.Fprint(w, `{"message":"API running."}`)
			return
		}
		fmt.Fprint(w, discoverResponse([]map[string]any{endpoint("light#kitchen", "Kitchen")}))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	headers := map[string]string{"CF-Access-Client-Id": "id.access", "CF-Access-Client-Secret": secret}
	rep, text := diagnose(t, doctor.Settings{URL: srv.URL, Token: goodToken, Headers: headers})
	mu.Lock()
	defer mu.Unlock()
	if !rep.OK() || len(got) != 2 {
		t.Fatalf("%d requests carried the headers %v; report:\n%s", len(got), got, text)
	}
}
