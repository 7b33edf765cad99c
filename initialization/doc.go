// Package initialization is LEE's initialization module: it tells a cold
// start from a warm one and records how the process spent its
// initialisation, as an ordered list of named, timed steps and the total
// time until the function was ready to serve. Default is started when the
// package initialises, close to the process start; a Lambda's main runs its
// set-up through Default.Step, calls Default.Done, and on every invocation
// calls Default.Invocation to learn whether it is the cold one.
//
// Snapshot returns the state as a JSON-friendly value, durations in both
// nanoseconds and milliseconds, ready for a structured log line. Trackers
// take an injectable clock (Settings.Now), so tests never depend on real time.
package initialization
