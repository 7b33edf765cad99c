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
	// RequestIDKey holds the Lambda request id of the line's invocation
	// (empty outside one, during the init phase).
	RequestIDKey = "requestId"
	// CorrelationIDKey holds the id set by SetCorrelationID, such as the
	// Alexa messageId; it is omitted until one is set.
	CorrelationIDKey = "correlationId"
)

// invocation is one invocation's logging state. It travels in the
// invocation's context (Begin), never in the Logger, so that invocations
// running at the same time in one process keep their ids, secrets and line
// budgets apart.
type invocation struct {
	requestID     string
	correlationID atomic.Pointer[string]
	secrets       atomic.Pointer[secretSet] // the Logger's static secrets and this invocation's
	lines         atomic.Int64
	dropped       atomic.Uint64
	mu            sync.Mutex // serialises AddSecret's read-modify-write of secrets
}

// ctxKey is the context key of the invocation state.
type ctxKey struct{}

// invocationFrom returns the invocation state ctx carries, or nil.
func invocationFrom(ctx context.Context) *invocation {
	if ctx == nil {
		return nil
	}
	inv, _ := ctx.Value(ctxKey{}).(*invocation)
	return inv
}

// live is the set of invocations in progress. A line written outside any
// invocation (net/http's own log, a breaker's state change seen from no
// request) is redacted with the secrets of all of them, since it cannot be
// told which one it concerns.
type live struct {
	mu  sync.Mutex
	set map[*invocation]struct{}
}

func (lv *live) add(inv *invocation) {
	lv.mu.Lock()
	defer lv.mu.Unlock()
	if lv.set == nil {
		lv.set = make(map[*invocation]struct{})
	}
	lv.set[inv] = struct{}{}
}

func (lv *live) remove(inv *invocation) {
	lv.mu.Lock()
	defer lv.mu.Unlock()
	delete(lv.set, inv)
}

// secrets returns static with the secrets of every invocation in progress.
func (lv *live) secrets(static *secretSet) *secretSet {
	lv.mu.Lock()
	defer lv.mu.Unlock()
	s := static
	for inv := range lv.set {
		for _, v := range inv.secrets.Load().values {
			s = s.with(v)
		}
	}
	return s
}

// newRecord starts a record carrying inv's ids, which come first so that
// they stay at the top level of the line whatever groups follow.
func newRecord(inv *invocation, t time.Time, level slog.Level, msg string, pc uintptr) slog.Record {
	r := slog.NewRecord(t, level, msg, pc)
	if inv == nil {
		r.AddAttrs(slog.String(RequestIDKey, ""))
		return r
	}
	r.AddAttrs(slog.String(RequestIDKey, inv.requestID))
	if id := inv.correlationID.Load(); id != nil {
		r.AddAttrs(slog.String(CorrelationIDKey, *id))
	}
	return r
}
