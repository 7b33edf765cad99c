package config

import (
	"strconv"
	"unicode/utf8"
)

// VarError reports one environment variable whose value LEE cannot use.
// Its text is the single line the function prints when it refuses to
// start, so it names the variable, says what is expected and, for values
// that are not secret, quotes what was found. It never quotes a token
// (HA_TOKEN, LONG_LIVED_ACCESS_TOKEN), a header value (HA_HEADERS) or the
// Home Assistant URL, which may carry credentials.
type VarError struct {
	// Var is the environment variable at fault, as the user spelled it
	// (an alias when the alias was the one set).
	Var string
	// Reason says what is expected and, where safe, what was found.
	Reason string
}

// Error formats the failure as "config: <Var>: <Reason>".
func (e *VarError) Error() string {
	return "config: " + e.Var + ": " + e.Reason
}

// maxQuoted bounds how much of a bad value an error quotes, keeping the
// message on one readable line.
const maxQuoted = 64

// quote renders a non-secret value for an error message: Go-quoted, so
// control characters cannot break the line, and shortened when long.
func quote(v string) string {
	if len(v) <= maxQuoted {
		return strconv.Quote(v)
	}
	cut := maxQuoted
	for cut > 0 && !utf8.RuneStart(v[cut]) {
		cut--
	}
	return strconv.Quote(v[:cut]) + "…"
}
