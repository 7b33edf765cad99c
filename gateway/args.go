package gateway

import (
	"fmt"
	"log/slog"
	"strings"
	"time"
)

// Args carries the arguments of any operation. It is passed by value so
// that routing it through the fast-path table allocates nothing, and kept to
// a few general fields (136 bytes on 64-bit platforms) so that copying it is
// cheap; each route reads only the fields Routes lists for it.
type Args struct {
	// Key names what the operation is about: a cache key, a metric or
	// breaker name, a configuration variable, a JSON path, a request or
	// correlation id, an Alexa error type.
	Key string
	// Text is free text: a log message, a token or URL to check, the
	// message of an ErrorResponse.
	Text string
	// Value is a value to store in the cache, or the *Directive an
	// ErrorResponse answers.
	Value any
	// Data is a raw JSON document to validate, decode or look into.
	Data []byte
	// Number is a metric count or a share of the sandbox memory.
	Number float64
	// Duration is a cache entry's time to live (0: the tier's default) or
	// one value of a duration metric.
	Duration time.Duration
	// Level is a log level.
	Level slog.Level
	// Attrs are a log line's attributes.
	Attrs []slog.Attr
	// Request is a request to Home Assistant.
	Request *HARequest
	// Fn is the work to run inside a circuit breaker.
	Fn func() error
}

// String lists which fields are set, with sizes instead of contents: Key
// may come from a token and Text may be one.
func (a Args) String() string {
	var parts []string
	add := func(name string, set bool, detail string) {
		if set {
			parts = append(parts, name+detail)
		}
	}
	add("Key", a.Key != "", fmt.Sprintf(" (%d bytes)", len(a.Key)))
	add("Text", a.Text != "", fmt.Sprintf(" (%d bytes)", len(a.Text)))
	add("Value", a.Value != nil, fmt.Sprintf(" (%T)", a.Value))
	add("Data", len(a.Data) > 0, fmt.Sprintf(" (%d bytes)", len(a.Data)))
	add("Number", a.Number != 0, "")
	add("Duration", a.Duration != 0, "")
	add("Level", a.Level != 0, " "+a.Level.String())
	add("Attrs", len(a.Attrs) > 0, fmt.Sprintf(" (%d)", len(a.Attrs)))
	add("Request", a.Request != nil, "")
	add("Fn", a.Fn != nil, "")
	return "Args{" + strings.Join(parts, ", ") + "}"
}

// GoString is String, so that %#v cannot print a token either.
func (a Args) GoString() string { return a.String() }

// LogValue is String, for log/slog.
func (a Args) LogValue() slog.Value { return slog.StringValue(a.String()) }
