package conformance

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
)

// standIn is a Home Assistant stand-in on 127.0.0.1: it answers every
// request with the status and body set last, and records what it received.
// Unlike tools/hasim it can answer with any body, such as Amazon's own
// sample answers.
type standIn struct {
	srv *httptest.Server

	mu          sync.Mutex
	status      int
	contentType string
	body        []byte
	received    []request
}

// request is what the stand-in received of one request.
type request struct {
	method, path, auth string
	// secretHeader is the value of the header HA_HEADERS configures.
	secretHeader string
	body         []byte
}

// startStandIn starts a stand-in that answers 500 until set is called; it
// is closed when the test ends.
func startStandIn(t *testing.T) *standIn {
	t.Helper()
	s := &standIn{status: http.StatusInternalServerError}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

// URL is the stand-in's base URL, what HA_URL is set to.
func (s *standIn) URL() string { return s.srv.URL }

// set makes the stand-in answer every request that follows with status,
// contentType and body.
func (s *standIn) set(status int, contentType string, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.status, s.contentType, s.body = status, contentType, body
}

// take returns the requests received since the last call, and forgets them.
func (s *standIn) take() []request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.received
	s.received = nil
	return out
}

func (s *standIn) serve(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	s.received = append(s.received, request{
		method: r.Method, path: r.URL.Path, auth: r.Header.Get("Authorization"),
		secretHeader: r.Header.Get("CF-Access-Client-Secret"), body: body,
	})
	status, contentType, answer := s.status, s.contentType, s.body
	s.mu.Unlock()
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(status)
	_, _ = w.Write(answer)
}
