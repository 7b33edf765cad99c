package main

import (
	"fmt"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/lee-engine/lee/gateway"
)

func main() {
	h, err := load()
	if err != nil {
		// One line naming the variable at fault; Lambda shows it in the
		// function's log and reports Runtime.ExitError to the caller.
		fmt.Fprintf(os.Stderr, "lee: init failed: %v\n", err)
		os.Exit(1)
	}
	lambda.Start(h)
}

// load is the init phase: the configuration from the environment, the
// gateway over it (building only what LEE_PRELOAD names) and the dispatch
// table.
func load() (*handler, error) {
	g, err := gateway.Load(gateway.Options{})
	if err != nil {
		return nil, err
	}
	h, err := newHandler(g)
	if err != nil {
		return nil, err
	}
	// net/http and aws-lambda-go print with the log package; their lines
	// may quote what a server sent, so they go through the redacting
	// logger like every other line.
	g.RouteStandardLog()
	g.MarkInitDone()
	return h, nil
}
