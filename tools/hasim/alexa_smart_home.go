package hasim

import (
	"net/http"
	"strings"
)

// serveSmartHome answers POST /api/alexa/smart_home like Home Assistant's
// SmartHomeView: Alexa-level failures are answered with HTTP 200 and an
// ErrorResponse; a body it cannot read at all gets a plain 500.
func (s *Server) serveSmartHome(w http.ResponseWriter, body []byte) int {
	d, err := parseDirective(body)
	if err != nil {
		return writeInternalError(w)
	}
	return writeJSON(w, http.StatusOK, s.handleDirective(d))
}

// handleDirective follows Home Assistant's async_handle_message: the
// endpoint is resolved first (NO_SUCH_ENDPOINT), then the handler of
// (namespace, name) runs; a directive without a handler gets INTERNAL_ERROR
// with an empty message, and every answer about an endpoint carries all of
// its current properties.
func (s *Server) handleDirective(d *directive) *message {
	var target *State
	if d.endpoint != nil {
		st, err := s.loadEntity(d)
		if err != nil {
			return d.errorResponse(err)
		}
		target = &st
	}
	h, ok := directiveHandlers[d.namespace+"/"+d.name]
	if !ok {
		return d.errorResponse(&alexaError{kind: "INTERNAL_ERROR", message: ""})
	}
	msg, err := h(s, d, target)
	if err != nil {
		return d.errorResponse(err)
	}
	if target != nil {
		now := s.now()
		fresh, _ := s.home.get(target.EntityID)
		msg.Context = &alexaContext{Properties: properties(fresh, now)}
	}
	return msg
}

// loadEntity finds the entity a directive's endpoint names: Home
// Assistant's form (light#kitchen), or one of the sample aliases.
func (s *Server) loadEntity(d *directive) (State, error) {
	if !d.hasEndpointID {
		return State{}, &alexaError{kind: "INTERNAL_ERROR", message: "Unknown error"}
	}
	id := strings.ReplaceAll(d.endpointID, "#", ".")
	if st, ok := s.home.get(id); ok {
		return st, nil
	}
	if alias, ok := resolveAlias(d.endpointID, d.namespace); ok {
		if st, ok := s.home.get(alias); ok {
			return st, nil
		}
	}
	return State{}, &alexaError{
		kind:    "NO_SUCH_ENDPOINT",
		message: "The endpoint " + d.endpointID + " does not exist",
	}
}
