package gateway

import (
	"context"
	"fmt"
	"sync/atomic"
)

// Handler is one operation served straight from the fast-path table.
type Handler func(ctx context.Context, args Args) (any, error)

// fastTable is the dense (interface, operation) table of direct handlers,
// the Go form of the original plan's ZAFP: indexed like crypto.Hash's table,
// read with one atomic load, written once per pair.
type fastTable [numInterfaces][numOperations]atomic.Pointer[Handler]

// RegisterFastPath installs fn as the direct handler of (iface, op), which
// Execute then calls before any generic route. It refuses an invalid
// interface or operation and a nil fn (ErrInvalidFastPath), and a pair that
// already has a fast path (ErrDuplicateFastPath): a hot operation's handler
// cannot be replaced behind the back of code that relies on it.
func (g *Gateway) RegisterFastPath(iface Interface, op Operation, fn Handler) error {
	switch {
	case !iface.Valid():
		return fmt.Errorf("%w: interface %d does not exist", ErrInvalidFastPath, uint8(iface))
	case !op.Valid():
		return fmt.Errorf("%w: %s: operation %d does not exist", ErrInvalidFastPath, iface, uint8(op))
	case fn == nil:
		return fmt.Errorf("%w: %s %s: nil handler", ErrInvalidFastPath, iface, op)
	}
	if !g.fast[iface][op].CompareAndSwap(nil, &fn) {
		return fmt.Errorf("%w: %s %s", ErrDuplicateFastPath, iface, op)
	}
	return nil
}

// HasFastPath reports whether (iface, op) has a direct handler installed.
func (g *Gateway) HasFastPath(iface Interface, op Operation) bool {
	return iface.Valid() && op.Valid() && g.fast[iface][op].Load() != nil
}

// registerHot installs the hot operations of interface iface over its
// freshly built core. It runs inside the core's construction, after the
// core is complete, so no handler can reach a half-built core. A handler
// registered earlier by hand keeps its place: that refusal
// (ErrDuplicateFastPath) is the only error RegisterFastPath can return here.
func (g *Gateway) registerHot(iface Interface, core any) {
	for _, r := range routes[iface] {
		if r == nil || r.bind == nil {
			continue
		}
		if h := r.bind(core); h != nil {
			_ = g.RegisterFastPath(iface, r.Operation, h)
		}
	}
}

// Execute runs op on iface. It looks first in the fast-path table, then at
// the generic routes, which build the interface's core on first use, then
// at the interface's fallback (STATUS everywhere, and CREATE and UPDATE on
// the cache). A pair none of them serves is a *RouteError. Every call is
// counted for Stats, by the path it took.
func (g *Gateway) Execute(ctx context.Context, iface Interface, op Operation, args Args) (any, error) {
	if !iface.Valid() || !op.Valid() {
		return nil, &RouteError{Interface: iface, Operation: op}
	}
	if !g.fastOff.Load() {
		if h := g.fast[iface][op].Load(); h != nil {
			g.calls[iface].fast.Add(1)
			return (*h)(ctx, args)
		}
	}
	g.calls[iface].generic.Add(1)
	if r := routes[iface][op]; r != nil {
		return r.run(g, ctx, args)
	}
	if r := fallbacks[iface][op]; r != nil {
		return r.run(g, ctx, args)
	}
	return nil, &RouteError{Interface: iface, Operation: op}
}
