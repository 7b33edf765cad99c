// Package initialization is LEE's initialization module: cold and warm start tracking with ordered, timed init steps.
package initialization
