package gateway_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"

	"github.com/lee-engine/lee/gateway"
)

// newGateway is the gateway of the examples: Home Assistant on loopback,
// logs and metrics discarded.
func newGateway(haURL string) *gateway.Gateway {
	g, err := gateway.New(&gateway.Configuration{HAURL: haURL, VerifyTLS: true}, gateway.Options{Stdout: io.Discard})
	if err != nil {
		panic(err)
	}
	return g
}

func ExampleGateway_Execute() {
	g := newGateway("http://127.0.0.1:8123")
	ctx := context.Background()

	_, err := g.Execute(ctx, gateway.Cache, gateway.OpSet, gateway.Args{Key: "endpoint-001", Value: "ON"})
	fmt.Println("set:", err)
	v, err := g.Execute(ctx, gateway.Cache, gateway.OpGet, gateway.Args{Key: "endpoint-001"})
	fmt.Println("get:", v, err)

	_, err = g.Execute(ctx, gateway.Cache, gateway.OpBackup, gateway.Args{})
	fmt.Println(errors.Is(err, gateway.ErrUnroutable), err)
	// Output:
	// set: <nil>
	// get: ON <nil>
	// true gateway: cache has no operation BACKUP (gateway.Routes lists the routable pairs)
}

func ExampleGateway_Stats() {
	g := newGateway("http://127.0.0.1:8123")
	fmt.Println("constructed after New:", g.Stats().Constructed)

	if err := g.CacheSet("light", "on", 0); err != nil { // the first use builds the cache, and only it
		fmt.Println(err)
	}
	s := g.Stats()
	fmt.Println("constructed after CacheSet:", s.Constructed, s.Interfaces[gateway.Cache].Constructed)
	fmt.Println("cache fast paths:", g.HasFastPath(gateway.Cache, gateway.OpGet), s.Interfaces[gateway.Cache].FastRoutes)
	// Output:
	// constructed after New: 0
	// constructed after CacheSet: 1 true
	// cache fast paths: true 3
}

func ExampleParsePreload() {
	ifaces, err := gateway.ParsePreload(" Logging,cache ")
	fmt.Println(ifaces, err)
	_, err = gateway.ParsePreload("cache,bogus")
	var ve *gateway.VarError
	fmt.Println(errors.As(err, &ve), ve.Var)
	// Output:
	// [cache logging] <nil>
	// true LEE_PRELOAD
}

func ExampleGateway_RegisterFastPath() {
	g := newGateway("http://127.0.0.1:8123")
	echo := func(_ context.Context, a gateway.Args) (any, error) { return "echo " + a.Key, nil }
	fmt.Println(g.RegisterFastPath(gateway.Utility, gateway.OpRequest, echo))
	fmt.Println(g.Execute(context.Background(), gateway.Utility, gateway.OpRequest, gateway.Args{Key: "hi"}))
	fmt.Println(g.RegisterFastPath(gateway.Utility, gateway.OpRequest, echo))
	// Output:
	// <nil>
	// echo hi <nil>
	// gateway: fast path already registered: utility REQUEST
}

func ExampleGateway_CallHomeAssistant() {
	ha := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"path":%q}`, r.URL.Path)
	}))
	defer ha.Close()
	g := newGateway(ha.URL)
	defer g.Close()

	res, err := g.CallHomeAssistant(context.Background(), gateway.HARequest{
		Path:  gateway.SmartHomePath,
		Token: "access-token-from-skill",
		Body:  []byte(`{"directive":{}}`),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Status, string(res.Body), g.BreakerState(gateway.HABreaker))
	// Output:
	// 200 {"path":"/api/alexa/smart_home"} CLOSED
}

func ExampleRoutes() {
	for _, r := range gateway.Routes() {
		if r.Interface == gateway.Metrics {
			fmt.Println(r.Operation, r.Target, r.Fast)
		}
	}
	// Output:
	// STATUS (*Gateway).Stats false
	// RECORD metrics.(*Recorder).Count (Duration for HALatency) true
	// FLUSH metrics.(*Recorder).Flush false
}
