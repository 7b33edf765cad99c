package logging

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"
)

// ErrUnknownLevel is returned by ParseLevel for a name that is not one of
// debug, info, warn or error, so a configuration loader can name the variable
// at fault.
var ErrUnknownLevel = errors.New("unknown log level")

// ParseLevel turns a level name (debug, info, warn, error; any case,
// surrounding spaces ignored) into a slog.Level. It exists so the LOG_LEVEL
// variable is read the same way everywhere.
func ParseLevel(s string) (slog.Level, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "debug":
		return slog.LevelDebug, nil
	case "info":
		return slog.LevelInfo, nil
	case "warn":
		return slog.LevelWarn, nil
	case "error":
		return slog.LevelError, nil
	}
	return slog.LevelInfo, fmt.Errorf("logging: parse level %q (want debug, info, warn or error): %w", s, ErrUnknownLevel)
}
