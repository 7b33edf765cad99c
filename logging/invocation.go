package logging

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"
)

// Keys of the fields every line carries besides time, level and msg.
const (
	// RequestIDKey holds the Lambda request id of the current invocation
	// (empty during the init phase).
	RequestIDKey = "requestId"
	// CorrelationIDKey holds the id set by SetCorrelationID, such as the
	// Alexa messageId; it is omitted until one is set.
	CorrelationIDKey = "correlationId"
)

// invocation is the identity of the current invocation; it is replaced whole
// so that readers never see a request id with another request's correlation
// id.
type invocation struct {
	requestID     string
	correlationID string
}

// state is what a Logger and every handler derived from it share: the level,
// the line cap and its counters, the ids and the secrets of the current
// invocation, and the redacting JSON handler that writes lines.
type state struct {
	level  slog.Level
	max    int64
	static *secretSet
	out    slog.Handler

	secrets atomic.Pointer[secretSet]
	inv     atomic.Pointer[invocation]
	lines   atomic.Int64
	dropped atomic.Uint64

	// mu serialises the writers of inv and secrets, which read-modify-write.
	mu sync.Mutex
}

// start begins a new invocation.
func (s *state) start(requestID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.inv.Store(&invocation{requestID: requestID})
	s.secrets.Store(s.static)
	s.lines.Store(0)
	s.dropped.Store(0)
}

// setCorrelationID replaces the correlation id of the current invocation.
func (s *state) setCorrelationID(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cur := s.inv.Load()
	s.inv.Store(&invocation{requestID: cur.requestID, correlationID: id})
}

// addSecret adds a secret for the rest of the current invocation.
func (s *state) addSecret(v string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.secrets.Store(s.secrets.Load().with(v))
}

// newRecord starts a record carrying the invocation's ids, which come first
// so that they stay at the top level of the line whatever groups follow.
func (s *state) newRecord(t time.Time, level slog.Level, msg string, pc uintptr) slog.Record {
	inv := s.inv.Load()
	r := slog.NewRecord(t, level, msg, pc)
	r.AddAttrs(slog.String(RequestIDKey, inv.requestID))
	if inv.correlationID != "" {
		r.AddAttrs(slog.String(CorrelationIDKey, inv.correlationID))
	}
	return r
}

// emit writes r unless the invocation's line cap is reached, in which case
// the line is counted as dropped.
func (s *state) emit(ctx context.Context, r slog.Record) error {
	if s.lines.Add(1) > s.max {
		s.dropped.Add(1)
		return nil
	}
	return s.out.Handle(ctx, r)
}
