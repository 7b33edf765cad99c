package fakessm

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"
)

// ErrorKind is an SSM error type, as carried in the "__type" field.
type ErrorKind string

// The errors the fake can be told to return; ParameterNotFound is also what
// an unknown name gets.
const (
	ParameterNotFound ErrorKind = "ParameterNotFound"
	AccessDenied      ErrorKind = "AccessDeniedException"
	Throttling        ErrorKind = "ThrottlingException"
)

// Settings configure a Server.
type Settings struct {
	// Parameters maps names to values, each served as a SecureString at
	// version 1. Nil means no parameters: every name is ParameterNotFound.
	Parameters map[string]string
	// Error, when not empty, makes every GetParameter fail with this error
	// until ForceError changes it. Empty means answer normally.
	Error ErrorKind
}

// Request is what one request to the server carried. Credentials are never
// recorded; Signed only says whether a SigV4 Authorization header was there.
type Request struct {
	Target         string
	ContentType    string
	Name           string
	WithDecryption bool
	Signed         bool
}

// parameter is one stored value.
type parameter struct {
	value    string
	version  int64
	modified time.Time
}

// Server is a running fake SSM endpoint.
type Server struct {
	url       string
	http      *http.Server
	served    chan struct{}
	closeOnce sync.Once
	mu        sync.Mutex
	params    map[string]parameter
	forced    ErrorKind
	requests  []Request
	serveErr  error // why Serve stopped, when not because of Close
}

// Start serves on a free port of 127.0.0.1 until Close.
func Start(s Settings) (*Server, error) {
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("start fake SSM: %w", err)
	}
	srv := &Server{
		url:    "http://" + ln.Addr().String(),
		served: make(chan struct{}),
		params: map[string]parameter{},
		forced: s.Error,
	}
	for name, value := range s.Parameters {
		srv.SetParameter(name, value)
	}
	srv.http = &http.Server{Handler: http.HandlerFunc(srv.handle), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		defer close(srv.served)
		if err := srv.http.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			srv.serveErr = err
		}
	}()
	return srv, nil
}

// URL is the endpoint to give the SDK, "http://127.0.0.1:port".
func (s *Server) URL() string {
	return s.url
}

// SetParameter adds a parameter or replaces its value, raising its version.
func (s *Server) SetParameter(name, value string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.params[name]
	s.params[name] = parameter{value: value, version: p.version + 1, modified: time.Now()}
}

// DeleteParameter removes a parameter, so it answers ParameterNotFound.
func (s *Server) DeleteParameter(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.params, name)
}

// ForceError makes every following GetParameter fail with kind; an empty
// kind restores normal answers.
func (s *Server) ForceError(kind ErrorKind) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.forced = kind
}

// Count is the number of requests received, whatever their outcome.
func (s *Server) Count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.requests)
}

// Requests returns a copy of every request received, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Close stops the server, closing open connections, and waits until it has
// stopped. The error is why serving stopped early, if it did. It is safe to
// call more than once.
func (s *Server) Close() error {
	s.closeOnce.Do(func() {
		_ = s.http.Close()
		<-s.served
	})
	if s.serveErr != nil {
		return fmt.Errorf("fake SSM: serve: %w", s.serveErr)
	}
	return nil
}
