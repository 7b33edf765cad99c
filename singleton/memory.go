package singleton

import (
	"errors"
	"fmt"
	"math"
	"os"
	"runtime/debug"
	"strconv"
)

// MemorySizeVar is the variable through which Lambda tells a function how
// much memory, in MB, its sandbox has.
const MemorySizeVar = "AWS_LAMBDA_FUNCTION_MEMORY_SIZE"

// ErrNoMemorySize is returned when MemorySizeVar is unset or empty, as it is
// outside Lambda.
var ErrNoMemorySize = errors.New(MemorySizeVar + " is not set")

// minSoftLimit is the lowest soft memory limit SetSoftMemoryLimit will set:
// below it the garbage collector would run almost continuously.
const minSoftLimit = 4 << 20

// MemorySizeMB returns the sandbox memory in MB from MemorySizeVar. It
// returns ErrNoMemorySize when the variable is unset, and an error naming the
// variable when its value is not a positive whole number.
func MemorySizeMB() (int, error) {
	raw, set := os.LookupEnv(MemorySizeVar)
	return parseMemorySize(raw, set)
}

// parseMemorySize reads the value of MemorySizeVar; set tells whether the
// variable exists at all.
func parseMemorySize(raw string, set bool) (int, error) {
	if !set || raw == "" {
		return 0, ErrNoMemorySize
	}
	mb, err := strconv.Atoi(raw)
	if err != nil || mb <= 0 || mb > math.MaxInt32 {
		return 0, fmt.Errorf("%s=%q: want a positive whole number of MB", MemorySizeVar, raw)
	}
	return mb, nil
}

// SetSoftMemoryLimit sets the Go runtime's soft memory limit to share of the
// sandbox memory (for example 0.9) and returns the limit in bytes. Near the
// limit the garbage collector works harder instead of letting the heap grow
// until Lambda kills the sandbox for running out of memory; the remainder
// covers memory the runtime does not count, such as thread stacks and the
// binary itself. share must lie in (0, 1].
func SetSoftMemoryLimit(share float64) (int64, error) {
	mb, err := MemorySizeMB()
	if err != nil {
		return 0, fmt.Errorf("singleton set memory limit: %w", err)
	}
	limit, err := softLimit(mb, share)
	if err != nil {
		return 0, fmt.Errorf("singleton set memory limit: %w", err)
	}
	debug.SetMemoryLimit(limit)
	return limit, nil
}

// softLimit computes share of mb megabytes, in bytes.
func softLimit(mb int, share float64) (int64, error) {
	if !(share > 0 && share <= 1) {
		return 0, fmt.Errorf("share %v is outside (0, 1]", share)
	}
	limit := int64(float64(int64(mb)<<20) * share)
	if limit < minSoftLimit {
		return 0, fmt.Errorf("%v of %d MB is %d bytes, below the %d byte minimum", share, mb, limit, minSoftLimit)
	}
	return limit, nil
}
