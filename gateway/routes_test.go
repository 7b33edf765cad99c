package gateway

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestEveryRouteThroughExecute runs every route of Routes through Execute,
// with the fast path on and off, against a Home Assistant on loopback.
func TestEveryRouteThroughExecute(t *testing.T) {
	_, resp := turnOn(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(resp)
	}))
	defer srv.Close()
	cases := allRouteCases()
	seen := map[string]bool{}
	for _, r := range Routes() {
		name := fmt.Sprintf("%s %s", r.Interface, r.Operation)
		if r.Operation == OpStatus {
			continue
		}
		seen[name] = true
		check, ok := cases[name]
		if !ok {
			t.Errorf("route %s has no test case", name)
			continue
		}
		for _, fast := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s/fast=%v", name, fast), func(t *testing.T) {
				g, out := newTestGateway(t, testConfig(srv.URL))
				g.SetFastPath(fast)
				env := &routeEnv{g: g, out: out, r: r, exec: func(a Args) (any, error) {
					return g.Execute(context.Background(), r.Interface, r.Operation, a)
				}}
				check(t, env)
				row := g.Stats().Interfaces[r.Interface]
				if row.FastCalls+row.GenericCalls == 0 {
					t.Errorf("no call of %s counted", r.Interface)
				}
			})
		}
	}
	for name := range cases {
		if !seen[name] {
			t.Errorf("test case %s has no route", name)
		}
	}
}

// TestFallbackStatus: every interface answers STATUS with its Stats row,
// without building its core.
func TestFallbackStatus(t *testing.T) {
	g, _ := newTestGateway(t, testConfig(localURL))
	for _, i := range Interfaces() {
		got, err := g.Execute(context.Background(), i, OpStatus, Args{})
		row, ok := got.(InterfaceStats)
		if err != nil || !ok || row.Interface != i.String() || row.Version != coreVersions[i] || row.Constructed {
			t.Errorf("%s STATUS = %+v, %v; want its unbuilt Stats row", i, got, err)
		}
	}
	if err := g.Construct(Metrics); err != nil {
		t.Fatal(err)
	}
	got, _ := g.Execute(context.Background(), Metrics, OpStatus, Args{})
	if row := got.(InterfaceStats); !row.Constructed || row.GenericCalls != 2 {
		t.Errorf("metrics STATUS after construction = %+v; want constructed, 2 generic calls", row)
	}
}

// TestUnroutable: a pair with no route, fast path or fallback is a
// *RouteError naming both halves, and still counted.
func TestUnroutable(t *testing.T) {
	g, _ := newTestGateway(t, testConfig(localURL))
	tests := []struct {
		iface Interface
		op    Operation
		text  string
	}{
		{Cache, OpBackup, "cache has no operation BACKUP"},
		{Metrics, OpRestore, "metrics has no operation RESTORE"},
		{Logging, OpCreate, "logging has no operation CREATE"},
		{Interface(99), OpGet, "interface(99) has no operation GET"},
		{Config, Operation(99), "config has no operation operation(99)"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, err := g.Execute(context.Background(), tt.iface, tt.op, Args{})
			var re *RouteError
			if got != nil || !errors.As(err, &re) || !errors.Is(err, ErrUnroutable) ||
				re.Interface != tt.iface || re.Operation != tt.op || !strings.Contains(err.Error(), tt.text) {
				t.Fatalf("Execute = %v, %v; want a *RouteError saying %q", got, err, tt.text)
			}
			if Routable(tt.iface, tt.op) {
				t.Errorf("Routable(%s, %s) = true", tt.iface, tt.op)
			}
		})
	}
	if s := g.Stats(); s.Interfaces[Cache].GenericCalls != 1 || s.Constructed != 0 {
		t.Errorf("stats %s; want the unroutable cache call counted and nothing built", s.JSON())
	}
}

// TestRoutesTable: Routes agrees with the dispatch tables and Routable.
func TestRoutesTable(t *testing.T) {
	n := 0
	for _, i := range Interfaces() {
		for _, op := range Operations() {
			if Routable(i, op) {
				n++
			}
		}
	}
	rs := Routes()
	if len(rs) != n {
		t.Fatalf("Routes lists %d pairs; Routable accepts %d", len(rs), n)
	}
	seen := map[[2]int]bool{}
	for _, r := range rs {
		key := [2]int{int(r.Interface), int(r.Operation)}
		if seen[key] || !Routable(r.Interface, r.Operation) || r.Target == "" || r.Reads == "" || r.Returns == "" {
			t.Errorf("route %+v: listed twice, unroutable or undocumented", r)
		}
		seen[key] = true
		if r.Fast && r.Fallback {
			t.Errorf("route %+v is both fast and a fallback", r)
		}
	}
	rs[0].Target = "changed"
	if Routes()[0].Target == "changed" {
		t.Error("Routes returns the package's own slice")
	}
}
