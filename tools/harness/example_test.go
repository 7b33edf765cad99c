package harness_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"

	"github.com/lee-engine/lee/tools/harness"
)

// Example runs the performance floor as Lambda would and relays one
// directive to a stand-in Home Assistant.
func Example() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "floor-")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	bootstrap, err := harness.BuildFloor(ctx, dir, "")
	if err != nil {
		fmt.Println(err)
		return
	}

	ha := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"seen":%q}`, r.Header.Get("Authorization"))
	}))
	defer ha.Close()

	rt, err := harness.Start(ctx, harness.Settings{Binary: bootstrap, Env: []string{"HA_URL=" + ha.URL}})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer rt.Close()

	res, err := rt.Invoke(ctx, []byte(`{"directive":{"endpoint":{"scope":{"token":"t0k3n"}}}}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(res.Payload), res.Error == nil)
	// Output: {"seen":"Bearer t0k3n"} true
}

// ExampleBuildBootstrap builds the function module for Lambda's arm64, as
// `make bootstrap` does, from the repository root.
func ExampleBuildBootstrap() {
	if err := harness.BuildBootstrap(context.Background(), "function", "dist/arm64/bootstrap", "arm64"); err != nil {
		fmt.Println(err)
	}
}
