package gateway_test

import (
	"context"
	"fmt"
	"io"

	"github.com/lee-engine/lee/gateway"
)

// A dispatch table with a row of its own for one Smart Home namespace: the
// row says where its directives carry the token, and its handler serves
// them. Every other namespace takes the default relay row.
func ExampleNewTable() {
	g, err := gateway.New(&gateway.Configuration{HAURL: "http://127.0.0.1:8123", Token: "fallback-token"}, gateway.Options{Stdout: io.Discard})
	if err != nil {
		fmt.Println(err)
		return
	}
	serve := func(name string) gateway.Handler {
		return func(ctx context.Context, req *gateway.Request) ([]byte, error) {
			tok, err := g.Token(ctx, req)
			return fmt.Appendf(nil, "%s served %s.%s with %s", name, req.Directive.Header.Namespace, req.Directive.Header.Name, tok), err
		}
	}
	tbl, err := gateway.NewTable(
		gateway.Row{Name: "relay", Kind: gateway.KindSmartHome, Token: gateway.TokenEndpointScope, Handle: serve("relay")},
		gateway.Row{Name: "scenes", Kind: gateway.KindSmartHome, Namespace: "Alexa.SceneController", Token: gateway.TokenEndpointScope, Handle: serve("scenes")},
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, ns := range []string{"Alexa.SceneController", "Alexa.PowerController"} {
		event := `{"directive":{"header":{"namespace":"` + ns + `","name":"Go","payloadVersion":"3","messageId":"m-1"},` +
			`"endpoint":{"endpointId":"scene#evening","scope":{"type":"BearerToken","token":"user-token"}}}}`
		out, err := g.Invoke(context.Background(), tbl, []byte(event))
		fmt.Println(string(out), err)
	}
	// Output:
	// scenes served Alexa.SceneController.Go with user-token <nil>
	// relay served Alexa.PowerController.Go with user-token <nil>
}
