package gateway

import (
	"cmp"
	"context"
	"fmt"
	"slices"
)

// Route describes one (interface, operation) pair Execute serves. README.md
// lists the same rows; a test keeps the two equal.
type Route struct {
	Interface Interface
	Operation Operation
	// Target is the function of the interface module the route reaches.
	Target string
	// Reads lists the Args fields the route uses.
	Reads string
	// Returns says what Execute gives back.
	Returns string
	// Fast is set for hot operations: the core installs them in the
	// fast-path table when it is built.
	Fast bool
	// Fallback is set for pairs served by the interface's fallback rather
	// than by a route of their own.
	Fallback bool
}

// runFunc is a generic route: build (or load) the core, then run.
type runFunc func(g *Gateway, ctx context.Context, a Args) (any, error)

// coreOp is an operation on a built core of type T.
type coreOp[T any] func(core *T, ctx context.Context, a Args) (any, error)

// routeSpec is a Route with the code behind it.
type routeSpec struct {
	Route
	run  runFunc
	bind func(core any) Handler // hot routes only: the fast-path handler over a built core
}

// Dense tables of the routes and fallbacks, indexed like the fast path.
// They are filled by init from routeSpecs and fallbackSpecs rather than by
// initializers, because the routes reach the cores' constructors, which
// read these tables to register their hot operations.
var (
	routes    [numInterfaces][numOperations]*routeSpec
	fallbacks [numInterfaces][numOperations]*routeSpec
	routeList []Route
)

func init() {
	for _, s := range routeSpecs() {
		index(&routes, s)
	}
	for _, s := range fallbackSpecs() {
		if routes[s.Interface][s.Operation] != nil {
			panic(fmt.Sprintf("gateway: fallback %s %s shadows a route", s.Interface, s.Operation))
		}
		index(&fallbacks, s)
	}
	slices.SortFunc(routeList, func(a, b Route) int {
		return cmp.Or(cmp.Compare(a.Interface, b.Interface), cmp.Compare(a.Operation, b.Operation))
	})
}

// index files s in table t and in routeList; a pair listed twice is a bug
// in this package, reported at init like database/sql.Register does.
func index(t *[numInterfaces][numOperations]*routeSpec, s routeSpec) {
	if t[s.Interface][s.Operation] != nil {
		panic(fmt.Sprintf("gateway: route %s %s listed twice", s.Interface, s.Operation))
	}
	t[s.Interface][s.Operation] = &s
	routeList = append(routeList, s.Route)
}

// Routes lists every pair Execute serves, by interface then operation, as
// README.md's table does. Hand-registered fast paths are not included.
func Routes() []Route {
	return append([]Route(nil), routeList...)
}

// Routable reports whether Execute serves (iface, op) without a fast path
// registered by hand.
func Routable(iface Interface, op Operation) bool {
	return iface.Valid() && op.Valid() && (routes[iface][op] != nil || fallbacks[iface][op] != nil)
}

// on makes the generic route of op: build (or load) the core, then run op.
func on[T any](core func(*Gateway) (*T, error), op coreOp[T]) runFunc {
	return func(g *Gateway, ctx context.Context, a Args) (any, error) {
		c, err := core(g)
		if err != nil {
			return nil, err
		}
		return op(c, ctx, a)
	}
}

// generic is a route served by the generic path only.
func generic[T any](r Route, core func(*Gateway) (*T, error), op coreOp[T]) routeSpec {
	return routeSpec{Route: r, run: on(core, op)}
}

// hot is a route whose core also installs it in the fast-path table.
func hot[T any](r Route, core func(*Gateway) (*T, error), op coreOp[T]) routeSpec {
	r.Fast = true
	s := generic(r, core, op)
	s.bind = func(c any) Handler {
		t, ok := c.(*T)
		if !ok {
			return nil
		}
		return func(ctx context.Context, a Args) (any, error) { return op(t, ctx, a) }
	}
	return s
}

// fallbackSpecs are the interfaces' generic operations: every interface
// answers STATUS with its Stats row, and the cache takes CREATE and UPDATE
// as SET, as the original plan's generic cache operation did.
func fallbackSpecs() []routeSpec {
	var out []routeSpec
	for _, i := range Interfaces() {
		if i == Cache {
			set := routes[Cache][OpSet]
			for _, op := range []Operation{OpCreate, OpUpdate} {
				out = append(out, routeSpec{Route: Route{Interface: Cache, Operation: op, Target: set.Target,
					Reads: set.Reads, Returns: set.Returns, Fallback: true}, run: set.run})
			}
		}
		out = append(out, routeSpec{
			Route: Route{Interface: i, Operation: OpStatus, Target: "(*Gateway).Stats",
				Reads: "-", Returns: "InterfaceStats", Fallback: true},
			run: func(g *Gateway, _ context.Context, _ Args) (any, error) { return g.Stats().Interfaces[i], nil },
		})
	}
	return out
}
