//go:build race

package utility

// raceEnabled reports that the race detector is on; it makes sync.Pool drop
// items on purpose, so allocation counts are not meaningful under it.
const raceEnabled = true
