// Package security checks data that comes from outside LEE before it is
// used: it bounds inbound Alexa events before they are decoded (size,
// object, nesting depth, UTF-8), checks the shape of bearer tokens,
// validates and normalizes the Home Assistant base URL, and makes
// untrusted text safe for a single log line. It imports only the standard
// library and utility, never recurses on input, and no error it returns
// quotes the value it refused, so errors can be logged even when the input
// held a secret.
//
// Every validation failure is a *ValidationError naming the field and
// wrapping a sentinel (ErrTooLarge, ErrTooDeep, ErrNotJSON, ErrBadToken,
// ErrBadURL) for errors.Is.
package security
