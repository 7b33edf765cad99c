// Command breaker is the independence consumer of TestConsumer: a program
// outside the LEE workspace that requires only
// github.com/lee-engine/lee/circuitbreaker and prints its version.
package main

import (
	"fmt"

	"github.com/lee-engine/lee/circuitbreaker"
)

func main() {
	fmt.Println("circuitbreaker", circuitbreaker.Version)
}
