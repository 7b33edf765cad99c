package harness

import (
	"errors"
	"fmt"
)

// ErrTimeout is wrapped by Invoke's error when the function did not answer
// before the invocation's deadline (Lambda's "Task timed out").
var ErrTimeout = errors.New("task timed out")

// ErrClosed is wrapped by Invoke's error once Close has been called.
var ErrClosed = errors.New("runtime closed")

// FunctionError is what a function reported instead of a response: the body
// of POST /runtime/invocation/{id}/error or /runtime/init/error, or an error
// the harness raised on the function's behalf as Lambda would (for example
// Function.ResponseSizeTooLarge).
type FunctionError struct {
	// Type is errorType from the body, else the
	// Lambda-Runtime-Function-Error-Type header.
	Type string `json:"errorType"`
	// Message is errorMessage from the body, or the raw body when it is not
	// the JSON object the API expects.
	Message string `json:"errorMessage"`
}

// Error formats the error as "Type: Message" so it reads like Lambda's own
// error reports.
func (e *FunctionError) Error() string {
	if e.Type == "" {
		return e.Message
	}
	return e.Type + ": " + e.Message
}

// ExitError is returned by Invoke when the function process failed its
// initialisation or is no longer running: it carries the init error the
// process posted, if any, and how the process ended.
type ExitError struct {
	// Init is what the process posted to /runtime/init/error; nil if nothing.
	Init *FunctionError
	// Status is how the process ended ("exit status 1", "signal: killed"),
	// or "still running" when it posted an init error but had not exited by
	// the time Invoke gave up waiting.
	Status string
	// ExitCode is the process's exit code; -1 when a signal ended it or it is
	// still running.
	ExitCode int
}

// Error names both the init error and the exit status so one line tells why
// the function never answered.
func (e *ExitError) Error() string {
	if e.Init != nil {
		return fmt.Sprintf("function init failed (%s): %s", e.Status, e.Init.Error())
	}
	return "function process exited (" + e.Status + ")"
}
