// Package uuid makes random version 4 UUIDs, the form Lambda uses for
// request ids and Alexa and Home Assistant use for message ids, in the
// lower-case 8-4-4-4-12 hexadecimal spelling all three use.
package uuid
