package e2e

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
)

// recorder is a loopback proxy in front of the simulator that keeps every
// answer body it passes on, so a test can compare the function's answer
// with Home Assistant's byte for byte.
type recorder struct {
	target string
	client *http.Client
	srv    *httptest.Server

	mu     sync.Mutex
	bodies map[string][]byte // newest answer body per path
}

// startRecorder proxies to target (the simulator's base URL) until the test
// ends.
func startRecorder(t *testing.T, target string) *recorder {
	t.Helper()
	r := &recorder{
		target: target,
		client: &http.Client{Transport: &http.Transport{Proxy: nil}},
		bodies: map[string][]byte{},
	}
	r.srv = httptest.NewServer(http.HandlerFunc(r.serve))
	t.Cleanup(func() {
		r.srv.Close()
		r.client.CloseIdleConnections()
	})
	return r
}

// URL is the proxy's base URL, what HA_URL is set to.
func (r *recorder) URL() string { return r.srv.URL }

// last returns the newest answer body for path.
func (r *recorder) last(path string) []byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.bodies[path]
}

func (r *recorder) serve(w http.ResponseWriter, req *http.Request) {
	out, err := http.NewRequestWithContext(req.Context(), req.Method, r.target+req.URL.Path, req.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	out.Header = req.Header.Clone()
	resp, err := r.client.Do(out)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	r.mu.Lock()
	r.bodies[req.URL.Path] = bytes.Clone(body)
	r.mu.Unlock()
	for k, v := range resp.Header {
		w.Header()[k] = v
	}
	w.WriteHeader(resp.StatusCode)
	_, _ = w.Write(body)
}
