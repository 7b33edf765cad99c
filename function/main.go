package main

import (
	"fmt"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/lee-engine/lee/gateway"
)

func main() {
	g, err := gateway.Load(gateway.Options{})
	if err != nil {
		// One line naming the variable at fault; Lambda shows it in the
		// function's log and reports Runtime.ExitError to the caller.
		fmt.Fprintf(os.Stderr, "lee: init failed: %v\n", err)
		os.Exit(1)
	}
	// net/http and aws-lambda-go print with the log package; their lines
	// may quote what a server sent, so they go through the redacting
	// logger like every other line.
	g.RouteStandardLog()
	g.MarkInitDone()
	h := newHandler(g)
	lambda.Start(h)
}
