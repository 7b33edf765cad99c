package gateway

import (
	"errors"
	"fmt"
)

// Errors of routing and of the routes themselves; test with errors.Is.
var (
	// ErrUnroutable is wrapped by every *RouteError.
	ErrUnroutable = errors.New("gateway: operation not routable")
	// ErrDuplicateFastPath refuses a second fast path for one pair.
	ErrDuplicateFastPath = errors.New("gateway: fast path already registered")
	// ErrInvalidFastPath refuses a fast path for an invalid interface or
	// operation, or a nil handler.
	ErrInvalidFastPath = errors.New("gateway: invalid fast path")
	// ErrNotFound is a cache miss, a JSON path that leads nowhere, or a
	// configuration variable ConfigGet does not give out.
	ErrNotFound = errors.New("gateway: not found")
	// ErrBadArgs is an operation called without the Args fields it needs.
	ErrBadArgs = errors.New("gateway: missing or wrong arguments")
)

// RouteError names the interface and operation Execute could not route.
type RouteError struct {
	Interface Interface
	Operation Operation
}

// Error says which pair has no route and where the routable ones are listed.
func (e *RouteError) Error() string {
	return fmt.Sprintf("gateway: %s has no operation %s (gateway.Routes lists the routable pairs)", e.Interface, e.Operation)
}

// Unwrap lets errors.Is(err, ErrUnroutable) match.
func (e *RouteError) Unwrap() error { return ErrUnroutable }
