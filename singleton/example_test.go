package singleton_test

import (
	"fmt"
	"net/http"
	"strings"
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

func ExampleParseProcStatus() {
	status := "Name:\tbootstrap\nVmHWM:\t   24580 kB\nVmRSS:\t   21012 kB\n"
	rss, peak, err := singleton.ParseProcStatus(strings.NewReader(status))
	fmt.Println(rss, peak, err)
	// Output: 21012 24580 <nil>
}
