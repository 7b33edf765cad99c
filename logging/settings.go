package logging

import (
	"io"
	"log/slog"
)

// DefaultMaxLines is the per-invocation line cap used when
// Settings.MaxLinesPerInvocation is zero or negative. It bounds what one
// invocation can cost in CloudWatch Logs ingestion even when a loop logs.
const DefaultMaxLines = 200

// Settings configures a Logger. The zero value is usable: info level, 200
// lines per invocation, JSON on standard output, no static secrets.
//
// Level is the lowest level written; the zero value is slog.LevelInfo.
//
// MaxLinesPerInvocation caps the lines one invocation (Begin to End)
// writes; lines beyond it are dropped and counted. Zero or a negative
// value means DefaultMaxLines.
//
// Writer receives one JSON object per line; nil means os.Stdout, which is
// where the Lambda runtime collects logs.
//
// Secrets are values redacted wherever they appear in a line for the whole
// life of the Logger (a fallback token, a client key). Values shorter than
// four bytes are ignored: redacting them would blank ordinary words.
//
// MaxValueRunes cuts the message and every string value longer than it to
// that many runes, the last being "…", so that one huge value (an HTML page
// quoted in an error) cannot dominate a line or its cost. The cut is made
// after redaction, so it can never split a secret into an unrecognised
// prefix. Zero or a negative value means no cut.
type Settings struct {
	Level                 slog.Level
	MaxLinesPerInvocation int
	Writer                io.Writer
	Secrets               []string
	MaxValueRunes         int
}

// maxLines returns the effective line cap.
func (s Settings) maxLines() int64 {
	if s.MaxLinesPerInvocation <= 0 {
		return DefaultMaxLines
	}
	return int64(s.MaxLinesPerInvocation)
}
