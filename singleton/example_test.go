package singleton_test

import (
	"fmt"
	"net/http"
	"time"

	"github.com/lee-engine/lee/singleton"
)

func ExampleSlot() {
	var client singleton.Slot[http.Client]
	build := func() (*http.Client, error) {
		fmt.Println("building the client")
		return &http.Client{Timeout: 7 * time.Second}, nil
	}
	first, _ := client.Get(build)
	second, _ := client.Get(build)
	fmt.Println(first == second, client.Stats().Built)
	// Output:
	// building the client
	// true true
}
