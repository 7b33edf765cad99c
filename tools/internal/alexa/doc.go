// Package alexa decodes the few parts of an Alexa Smart Home message that
// the tools read to tell what an answer is: the event's header and, for an
// ErrorResponse, the error's type and message. Everything else is left to
// Amazon's schema and to the code under test.
package alexa
