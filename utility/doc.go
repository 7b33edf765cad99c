// Package utility is LEE's base layer: the helpers more than one module
// needs, written once. It holds the one generator of Alexa message ids
// (version 4 UUIDs from crypto/rand) and the small JSON helpers that look at
// a body without decoding it (LeadingByte, IsJSONObject). Every interface
// module may import it; it imports no module of this repository.
package utility
