package lambdaiface

import (
	"crypto/rand"
	"encoding/hex"
	"strings"
)

// Limits of Alexa identifiers, from the Smart Home message schema.
const (
	maxMessageIDLen  = 127
	maxEndpointIDLen = 256
)

// NewMessageID returns a random version 4 UUID, the form Alexa uses for
// message ids, for events LEE creates itself.
func NewMessageID() string {
	var u [16]byte
	_, _ = rand.Read(u[:])
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	var out [36]byte
	hex.Encode(out[0:8], u[0:4])
	out[8] = '-'
	hex.Encode(out[9:13], u[4:6])
	out[13] = '-'
	hex.Encode(out[14:18], u[6:8])
	out[18] = '-'
	hex.Encode(out[19:23], u[8:10])
	out[23] = '-'
	hex.Encode(out[24:], u[10:])
	return string(out[:])
}

// validMessageID reports whether s matches the schema's messageId rule:
// 1 to 127 characters from [a-zA-Z0-9-].
func validMessageID(s string) bool {
	if len(s) == 0 || len(s) > maxMessageIDLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isAlnum(s[i]) && s[i] != '-' {
			return false
		}
	}
	return true
}

// validEndpointID reports whether s matches the schema's endpointId rule:
// 1 to 256 characters from [a-zA-Z0-9_-=#;:?@&].
func validEndpointID(s string) bool {
	if len(s) == 0 || len(s) > maxEndpointIDLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isAlnum(s[i]) && strings.IndexByte("_-=#;:?@&", s[i]) < 0 {
			return false
		}
	}
	return true
}

// isAlnum reports whether c is an ASCII letter or digit.
func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
