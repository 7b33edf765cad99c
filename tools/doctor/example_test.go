package doctor_test

import (
	"context"
	"fmt"

	"github.com/lee-engine/lee/tools/doctor"
	"github.com/lee-engine/lee/tools/hasim"
)

// ExampleRun diagnoses a simulated Home Assistant on loopback. It passes,
// with warnings for the plain-http URL and the private address, neither of
// which a real deployment could use.
func ExampleRun() {
	sim, err := hasim.Start(hasim.Settings{Tokens: []string{"header.payload.signature"}}, "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer sim.Close()
	rep := doctor.Run(context.Background(), doctor.Settings{URL: sim.URL(), Token: "header.payload.signature"})
	for _, r := range rep.Results {
		fmt.Println(r.Status, r.Step)
	}
	fmt.Println("ok:", rep.OK())
	// Output:
	// WARN url
	// PASS token
	// WARN dns
	// PASS tcp
	// PASS api
	// PASS alexa
	// PASS discovery
	// PASS latency
	// ok: true
}
