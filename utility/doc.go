// Package utility is LEE's utility module: message ids, Alexa timestamps and small JSON helpers.
package utility
