package hasim

import (
	"context"
	"crypto/subtle"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Server is a simulated Home Assistant. It is an http.Handler; Start also
// runs it on a loopback listener. All methods are safe for concurrent use.
type Server struct {
	settings Settings
	logger   *slog.Logger
	now      func() time.Time
	table    []route
	home     *home
	faults   faultSet
	log      requestLog

	mu       sync.Mutex
	closed   bool
	inflight sync.WaitGroup
	closing  chan struct{}

	http      *http.Server
	serveDone chan struct{}
	url       string
	caPEM     []byte
}

// New returns a simulator that serves requests through ServeHTTP (for
// example behind an httptest.Server). Its demo home starts in its initial
// state, with no fault and an empty request log.
func New(s Settings) *Server {
	logger := s.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	srv := &Server{
		settings: s,
		logger:   logger,
		now:      time.Now,
		closing:  make(chan struct{}),
	}
	srv.home = newHome(srv.now)
	srv.table = srv.routes()
	return srv
}

// Start listens on addr (DefaultAddr when empty) and serves in the
// background, over TLS when Settings ask for it. Close stops it.
func Start(s Settings, addr string) (*Server, error) {
	if addr == "" {
		addr = DefaultAddr
	}
	srv := New(s)
	cfg, err := srv.tlsConfig()
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("start Home Assistant simulator: %w", err)
	}
	scheme := "http"
	if cfg != nil {
		ln = tls.NewListener(ln, cfg)
		scheme = "https"
	}
	srv.url = scheme + "://" + ln.Addr().String()
	srv.http = &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(srv.logger.Handler(), slog.LevelDebug),
	}
	srv.serveDone = make(chan struct{})
	go func() {
		defer close(srv.serveDone)
		_ = srv.http.Serve(ln)
	}()
	return srv, nil
}

// tlsConfig returns the listener's TLS configuration, nil for plain HTTP.
// Only HTTP/1.1 is offered, as by aiohttp; it also keeps connections
// hijackable for the reset fault.
func (s *Server) tlsConfig() (*tls.Config, error) {
	var cfg *tls.Config
	switch {
	case s.settings.TLSConfig != nil:
		cfg = s.settings.TLSConfig.Clone()
	case s.settings.SelfSignedTLS:
		c, caPEM, err := selfSigned(s.now())
		if err != nil {
			return nil, fmt.Errorf("start Home Assistant simulator: %w", err)
		}
		cfg, s.caPEM = c, caPEM
	default:
		return nil, nil
	}
	cfg.NextProtos = []string{"http/1.1"}
	return cfg, nil
}

// URL returns the base URL ("http://127.0.0.1:port") of a started server,
// "" for one made by New.
func (s *Server) URL() string { return s.url }

// CAPEM returns the PEM certificate of the CA generated for SelfSignedTLS,
// nil otherwise.
func (s *Server) CAPEM() []byte { return append([]byte(nil), s.caPEM...) }

// Close stops the server: it returns once every request being handled has
// ended, cutting short delayed ones. It is safe to call more than once.
func (s *Server) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	s.mu.Unlock()
	var err error
	if s.http != nil {
		err = s.http.Close()
		<-s.serveDone
	}
	close(s.closing)
	s.inflight.Wait()
	if err != nil {
		return fmt.Errorf("close Home Assistant simulator: %w", err)
	}
	return nil
}

// enter counts a request in, unless the server is closed.
func (s *Server) enter() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false
	}
	s.inflight.Add(1)
	return true
}

// ServeHTTP answers one request: a /_sim/ control request, or a Home
// Assistant request, which is recorded and may meet an injected fault.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, controlPrefix) {
		s.serveControl(w, r)
		return
	}
	if !s.enter() {
		// Home Assistant answers 503 with no body while it stops.
		writeBody(w, http.StatusServiceUnavailable, contentText, nil)
		return
	}
	defer s.inflight.Done()
	s.serveHA(w, r)
}

func (s *Server) serveHA(w http.ResponseWriter, r *http.Request) {
	body, readErr := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRequestBody))
	tokenIndex := s.matchToken(r.Header.Get("Authorization"))
	rec := Request{
		Time:             s.now(),
		Method:           r.Method,
		Path:             r.URL.Path,
		HasAuthorization: r.Header.Get("Authorization") != "",
		TokenMatched:     tokenIndex >= 0,
		TokenIndex:       tokenIndex,
	}
	if readErr == nil && r.URL.Path == "/api/alexa/smart_home" {
		if d, err := parseDirective(body); err == nil {
			rec.Namespace, rec.Name, rec.MessageID = d.namespace, d.name, d.messageID
		}
	}
	f, faulty := s.faults.take(r.URL.Path)
	if faulty {
		rec.Fault = f.Kind
	}
	ticket := s.log.add(rec)
	normal := func(w http.ResponseWriter) int { return s.dispatch(w, r, body, tokenIndex >= 0) }
	var status int
	var maxErr *http.MaxBytesError
	switch {
	case errors.As(readErr, &maxErr):
		status = writeStatusText(w, http.StatusRequestEntityTooLarge)
	case readErr != nil:
		abort(w)
	case faulty:
		status = s.applyFault(w, r, f, normal)
	default:
		status = normal(w)
	}
	s.log.finish(ticket, status)
	s.logger.LogAttrs(r.Context(), slog.LevelDebug, "ha-sim request",
		slog.String("method", r.Method), slog.String("path", r.URL.Path),
		slog.Int("status", status), slog.String("fault", string(rec.Fault)),
		slog.Bool("token_matched", tokenIndex >= 0))
}

// matchToken checks "Bearer <token>" as Home Assistant's auth middleware
// does (the scheme is case-sensitive, one space) and returns the index of
// the matching configured token, or -1.
func (s *Server) matchToken(header string) int {
	scheme, token, ok := strings.Cut(header, " ")
	if !ok || scheme != "Bearer" || token == "" {
		return -1
	}
	found := -1
	for i, t := range s.settings.Tokens {
		if subtle.ConstantTimeCompare([]byte(t), []byte(token)) == 1 && found < 0 {
			found = i
		}
	}
	return found
}

// Inject adds a fault; faults apply in the order they were injected.
func (s *Server) Inject(f Fault) error {
	if err := f.Validate(); err != nil {
		return fmt.Errorf("inject: %w", err)
	}
	s.faults.add(f)
	return nil
}

// ClearFaults removes every fault.
func (s *Server) ClearFaults() { s.faults.clear() }

// Faults returns the active faults; each Count is what is left of it.
func (s *Server) Faults() []Fault { return s.faults.list() }

// Requests returns the recorded requests in arrival order.
func (s *Server) Requests() []Request { return s.log.list() }

// Count returns how many recorded requests have a path starting with
// pathPrefix; "" counts them all.
func (s *Server) Count(pathPrefix string) int { return s.log.count(pathPrefix) }

// WaitRequests blocks until cond holds for the recorded requests (it is
// checked at once and after every change to the log) or ctx ends, and
// returns the records it last saw. It lets a test wait for a request to
// arrive or finish instead of sleeping.
func (s *Server) WaitRequests(ctx context.Context, cond func(reqs []Request) bool) ([]Request, error) {
	return s.log.wait(ctx, cond)
}

// State returns an entity's current state, as GET /api/states/<id> would.
func (s *Server) State(entityID string) (State, bool) { return s.home.get(entityID) }

// Reset clears faults and the request log and puts the demo home back in
// its initial state.
func (s *Server) Reset() {
	s.faults.clear()
	s.log.clear()
	s.home.reset()
}
