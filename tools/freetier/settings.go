package freetier

import (
	"errors"
	"fmt"
	"strings"
)

// The two Lambda architectures, spelled as Lambda's API spells them.
const (
	ArchARM = "arm64"
	ArchX86 = "x86_64"
)

// Lambda's configurable memory range in MB and its longest invocation.
const (
	minMemoryMB   = 128
	maxMemoryMB   = 10240
	maxDurationMS = 900_000
)

// ErrInvalidSettings is wrapped by every error about an input out of range.
var ErrInvalidSettings = errors.New("invalid free-tier settings")

// Settings describe the function and its traffic for one month.
type Settings struct {
	// MemoryMB is the configured memory, 128 to 10240; zero means 128.
	MemoryMB int
	// Arch is "arm64" or "x86_64" (GOARCH spellings "amd64" and "aarch64"
	// are accepted too); empty means arm64.
	Arch string
	// DurationMS is the measured duration of one invocation in milliseconds;
	// it is billed rounded up to the next whole millisecond. Required: zero is
	// an error, because a made-up duration would make the estimate dishonest.
	DurationMS float64
	// Invocations is the number of invocations in the month; zero means none.
	Invocations int64
	// LogBytesPerInvocation is what one invocation writes to CloudWatch Logs,
	// including Lambda's own START/END/REPORT lines; zero means nothing.
	LogBytesPerInvocation float64
	// MetricNames is the number of custom metrics (name × dimension set)
	// emitted; zero means metrics are off.
	MetricNames int
	// Prices overrides the price table; nil means PublicPrices.
	Prices *Prices
}

// normalised returns s with defaults applied, or an error naming the first
// input that is out of range.
func (s Settings) normalised() (Settings, error) {
	if s.MemoryMB == 0 {
		s.MemoryMB = minMemoryMB
	}
	if s.MemoryMB < minMemoryMB || s.MemoryMB > maxMemoryMB {
		return s, fmt.Errorf("%w: memory %d MB is outside Lambda's %d–%d MB", ErrInvalidSettings, s.MemoryMB, minMemoryMB, maxMemoryMB)
	}
	arch, err := NormaliseArch(s.Arch)
	if err != nil {
		return s, err
	}
	s.Arch = arch
	if !(s.DurationMS > 0 && s.DurationMS <= maxDurationMS) {
		return s, fmt.Errorf("%w: duration %v ms must be above 0 and at most %d ms (give the measured billed duration)", ErrInvalidSettings, s.DurationMS, maxDurationMS)
	}
	if s.Invocations < 0 {
		return s, fmt.Errorf("%w: invocations %d is negative", ErrInvalidSettings, s.Invocations)
	}
	if !(s.LogBytesPerInvocation >= 0) {
		return s, fmt.Errorf("%w: log bytes %v is negative", ErrInvalidSettings, s.LogBytesPerInvocation)
	}
	if s.MetricNames < 0 {
		return s, fmt.Errorf("%w: metric count %d is negative", ErrInvalidSettings, s.MetricNames)
	}
	if s.Prices == nil {
		p := PublicPrices
		s.Prices = &p
	}
	return s, nil
}

// NormaliseArch maps an architecture name to Lambda's spelling; empty means
// arm64, the cheaper one.
func NormaliseArch(arch string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(arch)) {
	case "", "arm64", "aarch64":
		return ArchARM, nil
	case "x86_64", "amd64", "x86-64":
		return ArchX86, nil
	}
	return "", fmt.Errorf("%w: architecture %q is neither arm64 nor x86_64", ErrInvalidSettings, arch)
}
