package hasim

import (
	"net/http"
	"strings"
)

// haHandler answers one Home Assistant path; it returns the status written.
type haHandler func(w http.ResponseWriter, r *http.Request, body []byte) int

// route is one Home Assistant view: a method and a path pattern whose
// "{name}" segments match any non-empty segment.
type route struct {
	method  string
	pattern []string
	alexa   bool
	serve   haHandler
}

func (s *Server) routes() []route {
	split := func(p string) []string { return strings.Split(strings.TrimPrefix(p, "/"), "/") }
	return []route{
		{method: http.MethodGet, pattern: split("/api/"), serve: s.apiStatus},
		{method: http.MethodGet, pattern: split("/api/config"), serve: s.apiConfig},
		{method: http.MethodGet, pattern: split("/api/states"), serve: s.apiStates},
		{method: http.MethodGet, pattern: split("/api/states/{entity_id}"), serve: s.apiState},
		{method: http.MethodPost, pattern: split("/api/services/{domain}/{service}"), serve: s.apiService},
		{method: http.MethodPost, pattern: split("/api/alexa/smart_home"), alexa: true,
			serve: func(w http.ResponseWriter, _ *http.Request, b []byte) int { return s.serveSmartHome(w, b) }},
		{method: http.MethodPost, pattern: split("/api/alexa"), alexa: true,
			serve: func(w http.ResponseWriter, _ *http.Request, b []byte) int { return s.serveIntent(w, b) }},
	}
}

// match reports whether path fits the pattern and sets r's path values.
func (rt route) match(r *http.Request) bool {
	segs := strings.Split(strings.TrimPrefix(r.URL.Path, "/"), "/")
	if len(segs) != len(rt.pattern) {
		return false
	}
	for i, p := range rt.pattern {
		if strings.HasPrefix(p, "{") {
			if segs[i] == "" {
				return false
			}
			continue
		}
		if segs[i] != p {
			return false
		}
	}
	for i, p := range rt.pattern {
		if strings.HasPrefix(p, "{") {
			r.SetPathValue(strings.Trim(p, "{}"), segs[i])
		}
	}
	return true
}

// dispatch answers like aiohttp's router in front of Home Assistant's
// views: an unknown path is "404: Not Found" and a wrong method "405:
// Method Not Allowed" whatever the token; only then does a view refuse a
// request without a valid token with "401: Unauthorized".
func (s *Server) dispatch(w http.ResponseWriter, r *http.Request, body []byte, authorized bool) int {
	for _, rt := range s.table {
		if (rt.alexa && s.settings.AlexaDisabled) || !rt.match(r) {
			continue
		}
		if r.Method != rt.method {
			w.Header().Set("Allow", rt.method)
			return writeStatusText(w, http.StatusMethodNotAllowed)
		}
		if !authorized {
			return writeStatusText(w, http.StatusUnauthorized)
		}
		return rt.serve(w, r, body)
	}
	return writeStatusText(w, http.StatusNotFound)
}
