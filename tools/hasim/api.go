package hasim

import (
	"encoding/json"
	"errors"
	"net/http"
)

// apiStatus answers GET /api/.
func (s *Server) apiStatus(w http.ResponseWriter, _ *http.Request, _ []byte) int {
	return writeMessage(w, http.StatusOK, "API running.")
}

// apiConfig answers GET /api/config with the parts of Home Assistant's
// configuration a client checks: version, units and loaded components
// (alexa is listed only when the integration is enabled).
func (s *Server) apiConfig(w http.ResponseWriter, _ *http.Request, _ []byte) int {
	components := []string{"api", "http", "light", "switch", "lock", "climate", "sensor", "scene", "script"}
	if !s.settings.AlexaDisabled {
		components = append(components, "alexa", "alexa.smart_home")
	}
	return writeJSON(w, http.StatusOK, map[string]any{
		"components":    components,
		"config_dir":    "/config",
		"location_name": "Home",
		"time_zone":     "UTC",
		"unit_system":   map[string]string{"length": "km", "mass": "g", "temperature": "°C", "volume": "L"},
		"version":       HAVersion,
		"state":         "RUNNING",
		"safe_mode":     false,
		"external_url":  nil,
		"internal_url":  nil,
	})
}

// apiStates answers GET /api/states with every state.
func (s *Server) apiStates(w http.ResponseWriter, _ *http.Request, _ []byte) int {
	return writeJSON(w, http.StatusOK, s.home.all())
}

// apiState answers GET /api/states/<entity_id>.
func (s *Server) apiState(w http.ResponseWriter, r *http.Request, _ []byte) int {
	st, ok := s.home.get(r.PathValue("entity_id"))
	if !ok {
		return writeMessage(w, http.StatusNotFound, "Entity not found.")
	}
	return writeJSON(w, http.StatusOK, st)
}

// apiService answers POST /api/services/<domain>/<service> like Home
// Assistant: invalid JSON gets a JSON message, an unknown service or bad
// data aiohttp's "400: Bad Request", success the list of changed states.
func (s *Server) apiService(w http.ResponseWriter, r *http.Request, body []byte) int {
	var data map[string]any
	if len(body) > 0 {
		var v any
		if err := json.Unmarshal(body, &v); err != nil {
			return writeMessage(w, http.StatusBadRequest, "Data should be valid JSON.")
		}
		obj, ok := v.(map[string]any)
		if !ok && v != nil {
			return writeStatusText(w, http.StatusBadRequest)
		}
		data = obj
	}
	changed, err := s.home.call(r.PathValue("domain"), r.PathValue("service"), data)
	if errors.Is(err, errServiceNotFound) || errors.Is(err, errInvalidData) {
		return writeStatusText(w, http.StatusBadRequest)
	}
	if err != nil {
		return writeInternalError(w)
	}
	if changed == nil {
		changed = []State{}
	}
	return writeJSON(w, http.StatusOK, changed)
}
