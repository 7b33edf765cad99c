// Package circuitbreaker is LEE's circuitbreaker module: named circuit breakers on github.com/sony/gobreaker/v2.
package circuitbreaker
