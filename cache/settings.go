package cache

import (
	"errors"
	"fmt"
	"time"
)

// Defaults applied to zero Settings fields.
const (
	DefaultMaxEntries = 1024
	DefaultTTL        = 5 * time.Minute
)

// Settings configures a Cache. The zero value is a working configuration.
type Settings struct {
	// MaxEntries bounds how many entries the cache holds, expired entries not
	// yet removed included. Zero means DefaultMaxEntries (1024).
	MaxEntries int

	// DefaultTTL is the lifetime of an entry stored with a TTL of zero. Zero
	// means DefaultTTL (5 minutes).
	DefaultTTL time.Duration

	// CleanupInterval, when positive, starts one background goroutine that
	// removes expired entries at this interval until Close. Zero means no
	// goroutine: expired entries are then removed only when room is needed
	// or by RemoveExpired, which keeps a Lambda's frozen sandbox idle.
	CleanupInterval time.Duration

	// Now is the clock that decides expiry. Nil means time.Now; tests set it
	// to move time by hand instead of sleeping.
	Now func() time.Time
}

// errSettings is the root of every error New returns for a bad Settings.
var errSettings = errors.New("invalid cache settings")

// withDefaults returns s with every zero field replaced by its default, or
// an error naming the first negative field.
func (s Settings) withDefaults() (Settings, error) {
	switch {
	case s.MaxEntries < 0:
		return s, fmt.Errorf("%w: MaxEntries is %d, must not be negative", errSettings, s.MaxEntries)
	case s.DefaultTTL < 0:
		return s, fmt.Errorf("%w: DefaultTTL is %v, must not be negative", errSettings, s.DefaultTTL)
	case s.CleanupInterval < 0:
		return s, fmt.Errorf("%w: CleanupInterval is %v, must not be negative", errSettings, s.CleanupInterval)
	}
	if s.MaxEntries == 0 {
		s.MaxEntries = DefaultMaxEntries
	}
	if s.DefaultTTL == 0 {
		s.DefaultTTL = DefaultTTL
	}
	if s.Now == nil {
		s.Now = time.Now
	}
	return s, nil
}
