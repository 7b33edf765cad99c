package hasim

import (
	"io"
	"net/http"
	"strings"
)

// controlPrefix starts the simulator's own endpoints. They exist only in
// the simulator, need no token and are not recorded:
//
//	POST   /_sim/faults    inject a fault (JSON object) or several (array)
//	GET    /_sim/faults    list the active faults
//	DELETE /_sim/faults    clear every fault
//	GET    /_sim/requests  the request log: {"count": n, "requests": [...]};
//	                       ?path=<prefix> keeps only matching paths
//	POST   /_sim/reset     clear faults and log, restore the demo home
const controlPrefix = "/_sim/"

func (s *Server) serveControl(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case controlPrefix + "faults":
		s.controlFaults(w, r)
	case controlPrefix + "requests":
		if !allow(w, r, http.MethodGet) {
			return
		}
		prefix := r.URL.Query().Get("path")
		var reqs []Request
		for _, q := range s.Requests() {
			if strings.HasPrefix(q.Path, prefix) {
				reqs = append(reqs, q)
			}
		}
		if reqs == nil {
			reqs = []Request{}
		}
		writeJSON(w, http.StatusOK, map[string]any{"count": len(reqs), "requests": reqs})
	case controlPrefix + "reset":
		if !allow(w, r, http.MethodPost) {
			return
		}
		s.Reset()
		w.WriteHeader(http.StatusNoContent)
	default:
		writeMessage(w, http.StatusNotFound, "unknown simulator endpoint")
	}
}

func (s *Server) controlFaults(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		writeJSON(w, http.StatusOK, s.Faults())
	case http.MethodDelete:
		s.ClearFaults()
		w.WriteHeader(http.StatusNoContent)
	case http.MethodPost:
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
		if err != nil {
			writeMessage(w, http.StatusBadRequest, "read faults: "+err.Error())
			return
		}
		faults, err := ParseFaults(body)
		if err != nil {
			writeMessage(w, http.StatusBadRequest, err.Error())
			return
		}
		for _, f := range faults {
			s.faults.add(f)
		}
		writeJSON(w, http.StatusOK, s.Faults())
	default:
		w.Header().Set("Allow", "GET, POST, DELETE")
		writeMessage(w, http.StatusMethodNotAllowed, "use GET, POST or DELETE")
	}
}

// allow answers 405 unless r uses method.
func allow(w http.ResponseWriter, r *http.Request, method string) bool {
	if r.Method == method {
		return true
	}
	w.Header().Set("Allow", method)
	writeMessage(w, http.StatusMethodNotAllowed, "use "+method)
	return false
}
