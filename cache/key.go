package cache

import (
	"errors"
	"fmt"
)

// MaxKeyLen is the longest key, in bytes, the cache accepts.
const MaxKeyLen = 255

// ErrInvalidKey is returned, wrapped with the rule that was broken, for a key
// that is empty or longer than MaxKeyLen bytes. The key itself is never
// quoted in the error: keys may be derived from tokens.
var ErrInvalidKey = errors.New("invalid cache key")

// ErrInvalidTTL is returned, wrapped, for a negative TTL.
var ErrInvalidTTL = errors.New("invalid cache TTL")

// checkKey reports which key rule, if any, key breaks.
func checkKey(op, key string) error {
	if key == "" {
		return fmt.Errorf("cache %s: %w: key is empty", op, ErrInvalidKey)
	}
	if len(key) > MaxKeyLen {
		return fmt.Errorf("cache %s: %w: key is %d bytes, limit is %d", op, ErrInvalidKey, len(key), MaxKeyLen)
	}
	return nil
}
