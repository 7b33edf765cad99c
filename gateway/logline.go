package gateway

import (
	"context"
	"log/slog"
)

// correlationIDRunes bounds the correlation id put on every log line: an
// Alexa messageId is 36 runes, anything much longer is not one.
const correlationIDRunes = 128

// write logs one line at level. The logger cuts the message and string
// values to the tier's LogValueRunes after redacting them.
func (l *logCore) write(ctx context.Context, level slog.Level, msg string, attrs []slog.Attr) {
	if !l.Enabled(level) {
		return
	}
	switch {
	case level < slog.LevelInfo:
		l.Debug(ctx, msg, attrs...)
	case level < slog.LevelWarn:
		l.Info(ctx, msg, attrs...)
	case level < slog.LevelError:
		l.Warn(ctx, msg, attrs...)
	default:
		l.Error(ctx, msg, attrs...)
	}
}
