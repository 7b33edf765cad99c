package utility

import (
	"crypto/rand"
	"encoding/hex"
)

// NewMessageID returns a random version 4 UUID in its lowercase canonical
// form (8-4-4-4-12 hex digits), the shape Alexa expects in header.messageId.
// The bits come from crypto/rand so ids cannot be predicted from earlier ones;
// crypto/rand.Read never fails on supported platforms, so there is no error.
func NewMessageID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // RFC 9562 variant

	var out [36]byte
	hex.Encode(out[0:8], b[0:4])
	out[8] = '-'
	hex.Encode(out[9:13], b[4:6])
	out[13] = '-'
	hex.Encode(out[14:18], b[6:8])
	out[18] = '-'
	hex.Encode(out[19:23], b[8:10])
	out[23] = '-'
	hex.Encode(out[24:36], b[10:16])
	return string(out[:])
}
