package singleton_test

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/lee-engine/lee/singleton"
)

func ExampleGet() {
	defer singleton.Reset()
	build := func() (*http.Client, error) {
		fmt.Println("building the client")
		return &http.Client{Timeout: 7 * time.Second}, nil
	}
	first, _ := singleton.Get("ha-client", build)
	second, _ := singleton.Get("ha-client", build)
	fmt.Println(first == second, singleton.Names())
	// Output:
	// building the client
	// true [ha-client]
}

func ExampleGet_typeMismatch() {
	defer singleton.Reset()
	_, _ = singleton.Get("tier", func() (string, error) { return "standard", nil })
	_, err := singleton.Get("tier", func() (int, error) { return 2, nil })
	fmt.Println(err)
	// Output: singleton "tier": singleton type mismatch: built as string, asked for int
}

func ExampleParseProcStatus() {
	status := "Name:\tbootstrap\nVmHWM:\t   24580 kB\nVmRSS:\t   21012 kB\n"
	rss, peak, err := singleton.ParseProcStatus(strings.NewReader(status))
	fmt.Println(rss, peak, err)
	// Output: 21012 24580 <nil>
}
