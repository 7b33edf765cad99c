package gateway

import (
	"context"
	"log"
	"log/slog"
	"strings"
)

// RouteStandardLog sends what the standard library's log package writes
// (net/http's and aws-lambda-go's own lines) through the gateway's logger:
// one JSON line at WARN each, instead of raw text on standard error. The
// lines come from no invocation (net/http's own goroutines), so they carry
// no request id and are redacted with the secrets of every invocation in
// progress. It changes
// process-wide state, so the function calls it once, in main.
func (g *Gateway) RouteStandardLog() {
	log.SetFlags(0)
	log.SetPrefix("")
	log.SetOutput(stdlogWriter{g: g})
}

// stdlogWriter turns each write of the log package, which is one line,
// into one log line of the gateway.
type stdlogWriter struct{ g *Gateway }

func (w stdlogWriter) Write(p []byte) (int, error) {
	line := strings.TrimSuffix(string(p), "\n")
	w.g.Log(context.Background(), slog.LevelWarn, stdlogMessage(line), slog.String("logger", "log"))
	return len(p), nil
}

// unsolicitedLine starts net/http's line about bytes a server sent on an
// idle kept-alive connection; the rest of it quotes those bytes.
const unsolicitedLine = "Unsolicited response received on idle HTTP channel"

// stdlogMessage is the message logged for a line of the log package. The
// bytes net/http quotes after a server's answer are left out: they come
// from Home Assistant or a proxy and may echo the request, its token and
// headers included, in a form no redaction recognises (a scope token in
// JSON, a token from an earlier invocation).
func stdlogMessage(line string) string {
	if strings.HasPrefix(line, unsolicitedLine) {
		return "net/http: " + unsolicitedLine + " (bytes after the declared end of an answer; not logged, they may echo a token); the connection is closed"
	}
	return line
}
