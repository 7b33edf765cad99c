package hasim

import (
	"crypto/rand"
	"time"
)

// crockford is the alphabet of ULIDs, which Home Assistant uses as context
// ids.
const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// newContextID returns a 26-character ULID for t: 48 bits of milliseconds
// followed by 80 random bits.
func newContextID(t time.Time) string {
	var b [16]byte
	ms := uint64(t.UnixMilli())
	for i := 5; i >= 0; i-- {
		b[i] = byte(ms)
		ms >>= 8
	}
	_, _ = rand.Read(b[6:])
	out := make([]byte, 26)
	// 128 bits in 26 base-32 digits: the first digit carries the top 3 bits.
	var acc uint64
	bits := 0
	pos := 25
	for i := 15; i >= 0; i-- {
		acc |= uint64(b[i]) << bits
		bits += 8
		for bits >= 5 && pos >= 0 {
			out[pos] = crockford[acc&31]
			acc >>= 5
			bits -= 5
			pos--
		}
	}
	if pos == 0 {
		out[0] = crockford[acc&31]
	}
	return string(out)
}
