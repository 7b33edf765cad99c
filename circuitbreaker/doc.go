// Package circuitbreaker gives LEE named circuit breakers, built on
// github.com/sony/gobreaker/v2, so that when Home Assistant (or any other
// dependency) keeps failing, the function stops waiting on it and answers
// Alexa at once instead of spending its whole time budget on each request.
//
// A Breaker starts CLOSED and lets every call through. After
// Settings.FailureThreshold failures in a row it turns OPEN and refuses
// calls with an *OpenError (errors.Is(err, ErrOpen)) without running them.
// Once Settings.OpenTimeout has passed, the next call finds it HALF_OPEN: a
// few trial calls go through; enough successes close it, one failure opens
// it again.
//
// Time is not injectable (gobreaker reads the clock itself), and the
// OPEN → HALF_OPEN change is noticed lazily by Execute or State rather
// than by a timer, so an idle breaker costs nothing.
package circuitbreaker
