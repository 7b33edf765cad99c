package circuitbreaker_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/lee-engine/lee/circuitbreaker"
)

func ExampleBreaker_Execute() {
	b := circuitbreaker.New(circuitbreaker.Settings{
		Name:             "home_assistant",
		FailureThreshold: 2,
		OpenTimeout:      time.Minute,
		OnStateChange: func(name string, from, to circuitbreaker.State) {
			fmt.Printf("%s: %s -> %s\n", name, from, to)
		},
	})
	unreachable := errors.New("connection refused")
	for range 3 {
		err := b.Execute(func() error { return unreachable })
		fmt.Println(err, errors.Is(err, circuitbreaker.ErrOpen))
	}
	// Output:
	// connection refused false
	// home_assistant: CLOSED -> OPEN
	// connection refused false
	// circuitbreaker "home_assistant": OPEN: call refused true
}
