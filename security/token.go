package security

import (
	"strconv"
)

// MaxTokenBytes is the longest bearer token CheckTokenShape accepts. Home
// Assistant's tokens are JWTs of a few hundred bytes; 8 KiB leaves room
// for any real token while keeping a header far below server limits.
const MaxTokenBytes = 8 << 10

// CheckTokenShape rejects a bearer token that cannot be valid before it is
// put in an Authorization header: it must be non-empty, at most
// MaxTokenBytes long and made only of visible ASCII (0x21 to 0x7E), so no
// space, control character or non-ASCII byte can split or forge a header.
// It says nothing about whether the token is accepted by Home Assistant.
// The error is a *ValidationError for field "token" wrapping ErrBadToken;
// it gives a byte offset but never any part of the token.
func CheckTokenShape(tok string) error {
	if tok == "" {
		return invalid("token", ErrBadToken, "empty")
	}
	if len(tok) > MaxTokenBytes {
		return invalid("token", ErrBadToken,
			"length "+strconv.Itoa(len(tok))+" bytes exceeds the limit of "+strconv.Itoa(MaxTokenBytes))
	}
	for i := 0; i < len(tok); i++ {
		if c := tok[i]; c < 0x21 || c > 0x7e {
			return invalid("token", ErrBadToken,
				"byte at offset "+strconv.Itoa(i)+" is not visible ASCII")
		}
	}
	return nil
}
