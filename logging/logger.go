package logging

import (
	"context"
	"log/slog"
	"os"
	"time"
)

// Logger writes JSON lines for one Lambda process. Every line written with
// an invocation's context (Begin) carries that invocation's request id and,
// once set, its correlation id; secrets are redacted and each invocation may
// write at most a fixed number of lines. The per-invocation state travels in
// the context, so invocations running at the same time in one process
// (AWS_LAMBDA_MAX_CONCURRENCY > 1) never see each other's ids, secrets or
// line budget. A Logger is safe for concurrent use.
type Logger struct {
	level  slog.Level
	max    int64
	static *secretSet
	live   live
	out    slog.Handler // redaction, then the cut, then JSON
	slog   *slog.Logger
}

// New returns a Logger configured by s (see Settings for the defaults).
func New(s Settings) *Logger {
	w := s.Writer
	if w == nil {
		w = os.Stdout
	}
	l := &Logger{level: s.Level, max: s.maxLines(), static: newSecretSet(s.Secrets)}
	var out slog.Handler = slog.NewJSONHandler(w, &slog.HandlerOptions{Level: s.Level})
	if s.MaxValueRunes > 0 {
		out = &cutHandler{next: out, max: s.MaxValueRunes}
	}
	l.out = &redactingHandler{next: out, secrets: l.secretsFor}
	l.slog = slog.New(&lineHandler{l: l})
	return l
}

// Begin starts an invocation: it returns a context, derived from ctx, that
// carries a fresh logging state with requestID on every line, the
// Logger's static secrets and a full line budget. Pass it to every call that
// logs for the invocation, and to End when it is over.
func (l *Logger) Begin(ctx context.Context, requestID string) context.Context {
	inv := &invocation{requestID: requestID}
	inv.secrets.Store(l.static)
	l.live.add(inv)
	return context.WithValue(ctx, ctxKey{}, inv)
}

// End finishes the invocation ctx carries: it writes one warning line saying
// how many lines the cap dropped, when it dropped any (that line is not
// subject to the cap), and forgets the invocation's secrets for lines
// written outside any invocation.
func (l *Logger) End(ctx context.Context) {
	inv := invocationFrom(ctx)
	if inv == nil {
		return
	}
	l.live.remove(inv)
	if n := inv.dropped.Load(); n > 0 {
		r := newRecord(inv, time.Now(), slog.LevelWarn, "log lines dropped: per-invocation cap reached", 0)
		r.AddAttrs(slog.Uint64("dropped", n), slog.Int64("limit", l.max))
		_ = l.out.Handle(ctx, r)
	}
}

// SetCorrelationID puts id (for example the Alexa messageId) on every
// following line of the invocation ctx carries. Outside an invocation it
// does nothing.
func (l *Logger) SetCorrelationID(ctx context.Context, id string) {
	if inv := invocationFrom(ctx); inv != nil {
		inv.correlationID.Store(&id)
	}
}

// AddSecret redacts v from every following line of the invocation ctx
// carries, and from lines written outside any invocation while it runs; it
// is meant for the token of the event being handled. Values shorter than
// four bytes are ignored. Outside an invocation it does nothing.
func (l *Logger) AddSecret(ctx context.Context, v string) {
	inv := invocationFrom(ctx)
	if inv == nil {
		return
	}
	inv.mu.Lock()
	defer inv.mu.Unlock()
	inv.secrets.Store(inv.secrets.Load().with(v))
}

// Dropped returns the number of lines the cap dropped so far in the
// invocation ctx carries.
func (l *Logger) Dropped(ctx context.Context) uint64 {
	if inv := invocationFrom(ctx); inv != nil {
		return inv.dropped.Load()
	}
	return 0
}

// Enabled reports whether lines at level are written.
func (l *Logger) Enabled(level slog.Level) bool {
	return level >= l.level
}

// Slog returns a *slog.Logger writing through the same path as l: its
// *Context methods given an invocation's context carry that invocation's
// ids, budget and secrets. Use it for code that expects the standard API.
func (l *Logger) Slog() *slog.Logger {
	return l.slog
}

// Log writes one line at level with the invocation state ctx carries.
// Write errors are dropped: a logger has nowhere better to report them, and
// logging must not fail an invocation.
func (l *Logger) Log(ctx context.Context, level slog.Level, msg string, attrs ...slog.Attr) {
	if !l.Enabled(level) {
		return
	}
	inv := invocationFrom(ctx)
	r := newRecord(inv, time.Now(), level, msg, 0)
	r.AddAttrs(attrs...)
	_ = l.emit(ctx, inv, r)
}

// emit writes r unless the invocation's line cap is reached, in which case
// the line is counted as dropped. Lines outside any invocation are not
// capped: the init phase writes a handful.
func (l *Logger) emit(ctx context.Context, inv *invocation, r slog.Record) error {
	if inv != nil && inv.lines.Add(1) > l.max {
		inv.dropped.Add(1)
		return nil
	}
	return l.out.Handle(ctx, r)
}

// secretsFor is the secret set that applies to a line written with ctx:
// its invocation's, or, outside any invocation, those of every invocation
// in progress.
func (l *Logger) secretsFor(ctx context.Context) *secretSet {
	if inv := invocationFrom(ctx); inv != nil {
		return inv.secrets.Load()
	}
	return l.live.secrets(l.static)
}

// Debug writes a line at debug level (see Log).
func (l *Logger) Debug(ctx context.Context, msg string, attrs ...slog.Attr) {
	l.Log(ctx, slog.LevelDebug, msg, attrs...)
}

// Info writes a line at info level (see Log).
func (l *Logger) Info(ctx context.Context, msg string, attrs ...slog.Attr) {
	l.Log(ctx, slog.LevelInfo, msg, attrs...)
}

// Warn writes a line at warn level (see Log).
func (l *Logger) Warn(ctx context.Context, msg string, attrs ...slog.Attr) {
	l.Log(ctx, slog.LevelWarn, msg, attrs...)
}

// Error writes a line at error level (see Log).
func (l *Logger) Error(ctx context.Context, msg string, attrs ...slog.Attr) {
	l.Log(ctx, slog.LevelError, msg, attrs...)
}
