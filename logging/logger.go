package logging

import (
	"context"
	"log/slog"
	"os"
	"time"
)

// Logger writes JSON lines for one Lambda process. Every line carries the
// request id of the current invocation and, once set, a correlation id;
// secrets are redacted and each invocation may write at most a fixed number
// of lines. A Logger is safe for concurrent use.
type Logger struct {
	st   *state
	slog *slog.Logger
}

// New returns a Logger configured by s (see Settings for the defaults).
func New(s Settings) *Logger {
	w := s.Writer
	if w == nil {
		w = os.Stdout
	}
	st := &state{
		level:  s.Level,
		max:    s.maxLines(),
		static: newSecretSet(s.Secrets),
	}
	st.secrets.Store(st.static)
	st.inv.Store(&invocation{})
	var out slog.Handler = slog.NewJSONHandler(w, &slog.HandlerOptions{Level: s.Level})
	if s.MaxValueRunes > 0 {
		out = &cutHandler{next: out, max: s.MaxValueRunes}
	}
	st.out = &redactingHandler{next: out, secrets: &st.secrets}
	return &Logger{st: st, slog: slog.New(&lineHandler{st: st})}
}

// StartInvocation marks the start of an invocation: the line cap and the
// dropped count restart, per-invocation secrets are forgotten, the
// correlation id is cleared and requestID goes on every following line.
func (l *Logger) StartInvocation(requestID string) {
	l.st.start(requestID)
}

// SetCorrelationID puts id (for example the Alexa messageId) on every
// following line of the invocation.
func (l *Logger) SetCorrelationID(id string) {
	l.st.setCorrelationID(id)
}

// AddSecret redacts v from every following line until the next
// StartInvocation; it is meant for the token carried by the directive being
// handled. Values shorter than four bytes are ignored.
func (l *Logger) AddSecret(v string) {
	l.st.addSecret(v)
}

// EndInvocation writes one warning line saying how many lines the cap
// dropped in this invocation, when it dropped any. That line is not subject
// to the cap.
func (l *Logger) EndInvocation() {
	n := l.st.dropped.Load()
	if n == 0 {
		return
	}
	r := l.st.newRecord(time.Now(), slog.LevelWarn, "log lines dropped: per-invocation cap reached", 0)
	r.AddAttrs(slog.Uint64("dropped", n), slog.Int64("limit", l.st.max))
	_ = l.st.out.Handle(context.Background(), r)
}

// Dropped returns the number of lines dropped by the cap since the current
// invocation started.
func (l *Logger) Dropped() uint64 {
	return l.st.dropped.Load()
}

// Enabled reports whether lines at level are written.
func (l *Logger) Enabled(level slog.Level) bool {
	return level >= l.st.level
}

// Slog returns a *slog.Logger writing through the same path as l: same ids,
// cap and redaction. Use it for code that expects the standard API.
func (l *Logger) Slog() *slog.Logger {
	return l.slog
}

// Debug writes a line at debug level.
func (l *Logger) Debug(ctx context.Context, msg string, attrs ...slog.Attr) {
	l.log(ctx, slog.LevelDebug, msg, attrs)
}

// Info writes a line at info level.
func (l *Logger) Info(ctx context.Context, msg string, attrs ...slog.Attr) {
	l.log(ctx, slog.LevelInfo, msg, attrs)
}

// Warn writes a line at warn level.
func (l *Logger) Warn(ctx context.Context, msg string, attrs ...slog.Attr) {
	l.log(ctx, slog.LevelWarn, msg, attrs)
}

// Error writes a line at error level.
func (l *Logger) Error(ctx context.Context, msg string, attrs ...slog.Attr) {
	l.log(ctx, slog.LevelError, msg, attrs)
}

// log builds and emits one line. Write errors are dropped: a logger has
// nowhere better to report them, and logging must not fail an invocation.
func (l *Logger) log(ctx context.Context, level slog.Level, msg string, attrs []slog.Attr) {
	if !l.Enabled(level) {
		return
	}
	r := l.st.newRecord(time.Now(), level, msg, 0)
	r.AddAttrs(attrs...)
	_ = l.st.emit(ctx, r)
}
