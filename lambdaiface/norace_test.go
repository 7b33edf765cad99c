//go:build !race

package lambdaiface_test

// raceEnabled tells allocation tests that the race detector's
// instrumentation may change what escapes to the heap.
const raceEnabled = false
