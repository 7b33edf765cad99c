package lambdaiface

import "strings"

// Limits of Alexa identifiers, from the Smart Home message schema.
const (
	maxEndpointIDLen = 256
)

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
