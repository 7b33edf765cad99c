// Package utility is LEE's utility module: random message ids for Alexa
// headers (version 4 UUIDs from crypto/rand), timestamps in the form Alexa
// uses for timeOfSample, and Lookup and LookupString, which read one value
// from a JSON document by a dotted path such as "directive.header.name"
// without decoding the document into maps.
//
// Lookup validates the document and then walks it in place, so reading the
// namespace, name and token of a directive, or one field of a multi-megabyte
// Discovery response, costs one validation pass and no allocation.
package utility
