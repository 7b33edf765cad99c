package gateway

import (
	"context"
	"errors"
	"testing"
)

func TestRegisterFastPathRefusals(t *testing.T) {
	ok := func(context.Context, Args) (any, error) { return "mine", nil }
	tests := []struct {
		name  string
		iface Interface
		op    Operation
		fn    Handler
		want  error
	}{
		{"invalid interface", numInterfaces, OpGet, ok, ErrInvalidFastPath},
		{"interface far out", Interface(200), OpGet, ok, ErrInvalidFastPath},
		{"invalid operation", Cache, numOperations, ok, ErrInvalidFastPath},
		{"nil handler", Cache, OpBackup, nil, ErrInvalidFastPath},
		{"duplicate", Cache, OpRestore, ok, ErrDuplicateFastPath},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, _ := newTestGateway(t, testConfig(localURL))
			if err := g.RegisterFastPath(Cache, OpRestore, ok); err != nil {
				t.Fatalf("first registration: %v", err)
			}
			err := g.RegisterFastPath(tt.iface, tt.op, tt.fn)
			if !errors.Is(err, tt.want) {
				t.Fatalf("RegisterFastPath(%s, %s) = %v; want %v", tt.iface, tt.op, err, tt.want)
			}
			if got, err := g.Execute(context.Background(), Cache, OpRestore, Args{}); err != nil || got != "mine" {
				t.Errorf("the first handler was replaced: Execute = %v, %v", got, err)
			}
		})
	}
}

// TestRegisterFastPathServesUnroutedPair: a handler registered by hand makes
// a pair routable, and counts as a fast call.
func TestRegisterFastPathServesUnroutedPair(t *testing.T) {
	g, _ := newTestGateway(t, testConfig(localURL))
	ctx := context.Background()
	if _, err := g.Execute(ctx, Metrics, OpBackup, Args{}); !errors.Is(err, ErrUnroutable) {
		t.Fatalf("before registration: %v; want ErrUnroutable", err)
	}
	err := g.RegisterFastPath(Metrics, OpBackup, func(_ context.Context, a Args) (any, error) { return a.Key + "!", nil })
	if err != nil {
		t.Fatal(err)
	}
	got, err := g.Execute(ctx, Metrics, OpBackup, Args{Key: "saved"})
	if err != nil || got != "saved!" {
		t.Fatalf("Execute = %v, %v; want saved!", got, err)
	}
	if row := g.Stats().Interfaces[Metrics]; row.FastCalls != 1 || row.GenericCalls != 1 || row.Constructed {
		t.Errorf("stats %+v; want 1 fast call, 1 generic call, no core built", row)
	}
}

// TestHotOperationsRegisteredOnConstruction: a core's hot operations enter
// the table when it is built, not before, and exactly those of Routes.
func TestHotOperationsRegisteredOnConstruction(t *testing.T) {
	for _, i := range Interfaces() {
		t.Run(i.String(), func(t *testing.T) {
			g, _ := newTestGateway(t, testConfig(localURL))
			var hot []Operation
			for _, r := range Routes() {
				if r.Interface == i && r.Fast {
					hot = append(hot, r.Operation)
				}
			}
			for _, op := range hot {
				if g.HasFastPath(i, op) {
					t.Fatalf("%s %s registered before construction", i, op)
				}
			}
			if err := g.Construct(i); err != nil {
				t.Fatal(err)
			}
			for _, op := range Operations() {
				want := false
				for _, h := range hot {
					want = want || h == op
				}
				if got := g.HasFastPath(i, op); got != want {
					t.Errorf("after construction HasFastPath(%s, %s) = %v; want %v", i, op, got, want)
				}
			}
			if got := g.Stats().Interfaces[i].FastRoutes; got != len(hot) {
				t.Errorf("stats FastRoutes = %d; want %d", got, len(hot))
			}
		})
	}
}

// TestHandRegisteredHandlerKeepsItsPlace: a core built later does not
// replace a handler registered by hand for one of its hot operations.
func TestHandRegisteredHandlerKeepsItsPlace(t *testing.T) {
	g, _ := newTestGateway(t, testConfig(localURL))
	ctx := context.Background()
	err := g.RegisterFastPath(Cache, OpGet, func(context.Context, Args) (any, error) { return "by hand", nil })
	if err != nil {
		t.Fatal(err)
	}
	if err := g.CacheSet("k", "stored", 0); err != nil {
		t.Fatal(err)
	}
	if got, _ := g.Execute(ctx, Cache, OpGet, Args{Key: "k"}); got != "by hand" {
		t.Errorf("fast path GET = %v; want the hand-registered handler", got)
	}
	g.SetFastPath(false)
	if got, _ := g.Execute(ctx, Cache, OpGet, Args{Key: "k"}); got != "stored" {
		t.Errorf("generic GET = %v; want the cache's value", got)
	}
}

// TestSetFastPathCounts: the same operation is counted as fast or generic
// by the path it took, and both paths give the same answer.
func TestSetFastPathCounts(t *testing.T) {
	g, _ := newTestGateway(t, testConfig(localURL))
	ctx := context.Background()
	if _, err := g.Execute(ctx, Cache, OpSet, Args{Key: "k", Value: 7}); err != nil { // generic: builds the core
		t.Fatal(err)
	}
	for _, on := range []bool{true, false, true} {
		g.SetFastPath(on)
		if got, err := g.Execute(ctx, Cache, OpGet, Args{Key: "k"}); err != nil || got != 7 {
			t.Fatalf("fast path %v: GET = %v, %v; want 7", on, got, err)
		}
	}
	if row := g.Stats().Interfaces[Cache]; row.FastCalls != 2 || row.GenericCalls != 2 {
		t.Errorf("stats %+v; want 2 fast and 2 generic calls", row)
	}
}
