package security

import (
	"strconv"
	"unicode/utf8"

	"github.com/lee-engine/lee/utility"
)

// Default limits applied when a Limits field is zero or negative.
const (
	// DefaultMaxBytes bounds an event at 256 KiB: Alexa directives are a
	// few KiB, so anything near this size is not a directive.
	DefaultMaxBytes = 256 << 10
	// DefaultMaxDepth bounds nesting at 32 containers; the deepest Alexa
	// message (a Discovery response) nests about ten.
	DefaultMaxDepth = 32
)

// Limits bounds the work ValidateEvent accepts to do on one event.
//
// MaxBytes is the largest event accepted, in bytes; zero or negative
// means DefaultMaxBytes (256 KiB).
//
// MaxDepth is the deepest nesting of objects and arrays accepted, the
// top-level object counting as depth 1; zero or negative means
// DefaultMaxDepth (32).
type Limits struct {
	MaxBytes int
	MaxDepth int
}

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultMaxDepth
	}
	return l
}

// ValidateEvent checks that raw can be one JSON object within lim before
// any decoder spends memory on it: the size first, then that it opens an
// object, then the nesting depth, then the UTF-8 encoding. The JSON grammar
// is left to the decoder that reads the event next (lambdaiface.Decode), so
// the event is scanned once for it, not twice. Every failure is a
// *ValidationError for field "event" wrapping ErrTooLarge, ErrTooDeep or
// ErrNotJSON.
//
// Depth is counted in one iterative pass over the bytes that stops as
// soon as the limit is crossed, so a hostile event of a million '['
// costs a few microseconds and no stack; because depth is checked before
// grammar, a malformed event that is also too deep reports ErrTooDeep.
// ValidateEvent allocates nothing on success.
func ValidateEvent(raw []byte, lim Limits) error {
	lim = lim.withDefaults()
	if len(raw) > lim.MaxBytes {
		return invalid("event", ErrTooLarge,
			"size "+strconv.Itoa(len(raw))+" bytes exceeds the limit of "+strconv.Itoa(lim.MaxBytes))
	}
	if !utility.IsJSONObject(raw) {
		return invalid("event", ErrNotJSON, "not a JSON object")
	}
	if offset, ok := withinDepth(raw, lim.MaxDepth); !ok {
		return invalid("event", ErrTooDeep,
			"nesting exceeds "+strconv.Itoa(lim.MaxDepth)+" levels at byte offset "+strconv.Itoa(offset))
	}
	if !utf8.Valid(raw) {
		return invalid("event", ErrNotJSON, "not valid UTF-8")
	}
	return nil
}

// CheckEvent is ValidateEvent with l as the limits: the one check every
// inbound event passes before it is decoded.
func (l Limits) CheckEvent(raw []byte) error { return ValidateEvent(raw, l) }

// withinDepth streams over raw, skipping string contents, and tracks how
// many objects and arrays are open. It reports false with the offset of
// the first bracket that opens one container too many.
func withinDepth(raw []byte, maxDepth int) (int, bool) {
	depth := 0
	inString, escaped := false, false
	for i, c := range raw {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
			if depth > maxDepth {
				return i, false
			}
		case c == '}' || c == ']':
			depth--
		}
	}
	return 0, true
}
