//go:build !race

package httpclient

// raceEnabled tells allocation tests that the race detector's
// instrumentation may change what escapes to the heap.
const raceEnabled = false
